package __PKG__.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raekoda.api.integration.CheckAnswer;
import org.raekoda.api.integration.CheckKind;
import org.raekoda.api.integration.CheckRequest;
import org.raekoda.api.integration.SystemUnavailableException;
import org.raekoda.simulator.LoopbackServer;
import org.raekoda.simulator.Mode;

import __PKG__.simulator.__CLASS__Simulator;

/** The check through its real Camel route against the simulator on a loopback socket. */
class __CLASS__CheckTest {

    private LoopbackServer simulator;
    private CamelContext camel;
    private __CLASS__Check check;

    @BeforeEach
    void start() throws Exception {
        simulator = new LoopbackServer(new __CLASS__Simulator(), 0).start();
        camel = new DefaultCamelContext();
        camel.addRoutes(new __CLASS__Routes(simulator.baseUrl(), 1_000, 1_000));
        camel.start();
        check = new __CLASS__Check(camel.createProducerTemplate());
    }

    @AfterEach
    void stop() {
        camel.stop();
        simulator.stop();
    }

    private static CheckRequest ask(String requestId, String code) {
        return new CheckRequest(requestId, "application-1", "town", "some-service", "subject", CheckKind.__KIND__,
                Map.of("code", code), "");
    }

    @Test
    void aKnownSubjectIsFoundWithItsFacts() {
        CheckAnswer answer = check.check(ask("r-1", "10000001"));
        assertEquals(CheckAnswer.Outcome.FOUND, answer.outcome());
        assertEquals(Boolean.TRUE, answer.facts().get("active"));
        assertEquals(1L, simulator.simulator().deliveries().get("r-1"));
    }

    @Test
    void anUnknownSubjectIsNotFoundAndAMalformedCodeIsNeverSent() {
        assertEquals(CheckAnswer.Outcome.NOT_FOUND, check.check(ask("r-2", "99999999")).outcome());
        assertEquals(CheckAnswer.Outcome.INVALID_ARGUMENT, check.check(ask("r-3", "../etc")).outcome());
        assertEquals(1, simulator.simulator().requests());
    }

    @Test
    void aFailingSlowOrDownSystemIsUnavailableNotAnAnswer() {
        simulator.simulator().mode(Mode.FAIL);
        assertThrows(SystemUnavailableException.class, () -> check.check(ask("r-4", "10000001")));
        simulator.simulator().mode(Mode.SLOW);
        simulator.simulator().delay(Duration.ofMillis(2_500));
        assertThrows(SystemUnavailableException.class, () -> check.check(ask("r-5", "10000001")));
        simulator.simulator().mode(Mode.NORMAL);
        simulator.stop();
        assertThrows(SystemUnavailableException.class, () -> check.check(ask("r-6", "10000001")));
    }
}
