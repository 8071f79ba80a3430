package __PKG__.simulator;

import java.util.Hashtable;
import java.util.Map;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.node.NodeProfile;
import org.raekoda.simulator.SimulatorServlet;

/**
 * On a development node, serves the simulator at {@code /simulators/__CC__-__SYSTEM__/}, so that the embedded
 * default runs without the real system. On any other node it serves nothing.
 */
@Component(immediate = true, service = {})
public final class SimulatorOnDevelopmentNodes {

    private final ServiceRegistration<Servlet> servlet;

    @Activate
    public SimulatorOnDevelopmentNodes(@Reference NodeProfile node, BundleContext bundle) {
        servlet = !node.developmentShortcuts() ? null
                : bundle.registerService(Servlet.class, new SimulatorServlet(new __CLASS__Simulator()),
                        new Hashtable<>(Map.of("osgi.http.whiteboard.servlet.pattern", "/simulators/__CC__-__SYSTEM__/*",
                                "osgi.http.whiteboard.servlet.name", "raekoda-simulator-__CC__-__SYSTEM__")));
    }

    @Deactivate
    void deactivate() {
        if (servlet != null) {
            servlet.unregister();
        }
    }
}
