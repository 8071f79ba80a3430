package org.raekoda.demo.idp.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonPickerTest {

    @Test
    void thePickerEscapesWhatTheRequestCarriesAndRunsNoScript() {
        String html = PersonPicker.render(URI.create("http://localhost:8181/demo-idp/authorize"),
                Map.of("state", List.of("\"><script>alert(1)</script>"), "client_id", List.of("raekoda")));
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""), html);
        assertTrue(html.contains("DEMO identity provider"));
        for (DemoPerson person : DemoPeople.all()) {
            assertTrue(html.contains("name=\"person\" value=\"" + person.id() + "\""), person.id());
        }
        assertTrue(PersonPicker.POLICY.contains("default-src 'none'") && !PersonPicker.POLICY.contains("unsafe"));
    }

    @Test
    void errorPagesEscapeTheMessage() {
        assertFalse(PersonPicker.error("<b>x</b>").contains("<b>"));
    }
}
