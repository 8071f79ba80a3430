package org.raekoda.identity.oidc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.identity.BrowserLogins.Session;
import org.raekoda.api.identity.InvalidCredentialsException;
import org.raekoda.persistence.internal.JpaBrowserSessionStore;
import org.raekoda.persistence.internal.SchemaMigrator;
import org.raekoda.persistence.internal.TestDatabases;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The whole authorization code flow, as a browser would walk it, against a real OpenID Connect provider on
 * loopback (mock-oauth2-server) with the real store on the embedded H2 database.
 */
class OidcBrowserLoginsTest {

    private static final URI CALLBACK = URI.create("http://localhost:8181/api/v1/auth/callback");
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static MockOAuth2Server tara;
    private static DataSource database;

    private EntityManagerFactory factory;
    private JpaBrowserSessionStore store;
    private OidcBrowserLogins logins;

    @BeforeAll
    static void start() throws Exception {
        tara = new MockOAuth2Server();
        tara.start();
        database = TestDatabases.freshH2();
        SchemaMigrator.migrate(database);
    }

    @AfterAll
    static void stop() {
        tara.shutdown();
    }

    @BeforeEach
    void configure() {
        factory = TestDatabases.entityManagers(database);
        store = JpaBrowserSessionStore.over(TestDatabases.transactions(factory));
        logins = new OidcBrowserLogins(store, Duration.ofMinutes(30), Duration.ofHours(8), Clock.systemUTC());
        logins.addProvider(new OidcProvider(MockProviders.taraLike("tara", tara)));
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void aPersonLogsInUsesTheSessionAndLogsOutAtTheProviderToo() throws Exception {
        assertEquals(List.of("tara"), logins.providers());
        URI authorize = logins.begin("tara", "/applications?mine=1", CALLBACK);
        Map<String, String> request = query(authorize);
        assertEquals("S256", request.get("code_challenge_method"));
        assertTrue(request.containsKey("code_challenge") && request.containsKey("nonce") && request.containsKey("state"));
        assertEquals(CALLBACK.toString(), request.get("redirect_uri"));

        Map<String, String> callback = authorizeAs("EE38001085718", authorize);
        assertEquals(request.get("state"), callback.get("state"));
        Session session = logins.complete(callback.get("state"), callback.get("code"), CALLBACK);
        assertEquals("tara", session.identity().provider());
        assertEquals("EE", session.identity().person().country());
        assertEquals("38001085718", session.identity().person().code());
        assertEquals("MARI MAASIKAS", session.identity().name());
        assertEquals("/applications?mine=1", session.returnTo());
        assertEquals(43, session.cookie().length(), "256 random bits");
        assertNotEquals(session.cookie(), session.csrfToken());

        Session found = logins.find(session.cookie()).orElseThrow();
        assertEquals(session.identity().person(), found.identity().person());
        assertEquals(session.csrfToken(), found.csrfToken());
        assertEquals(Optional.empty(), logins.find(session.cookie().substring(1) + "A"), "another cookie, no session");
        assertEquals(Optional.empty(), store.removeSession(session.cookie()), "the cookie itself is not stored");

        URI afterLogout = URI.create("http://localhost:8181/");
        URI endSession = logins.logout(session.cookie(), afterLogout).orElseThrow();
        Map<String, String> logout = query(endSession);
        assertTrue(endSession.toString().startsWith(tara.issuerUrl("tara").toString()), endSession.toString());
        assertEquals(afterLogout.toString(), logout.get("post_logout_redirect_uri"));
        assertEquals(MockProviders.CLIENT, logout.get("client_id"));
        assertTrue(logout.containsKey("id_token_hint"));
        assertEquals(Optional.empty(), logins.find(session.cookie()), "the session has ended");
        assertEquals(Optional.empty(), logins.logout(session.cookie(), afterLogout));
    }

    @Test
    void aStateIsGoodForOneCallbackOnly() throws Exception {
        URI authorize = logins.begin("tara", "/", CALLBACK);
        Map<String, String> callback = authorizeAs("EE38001085718", authorize);
        logins.complete(callback.get("state"), callback.get("code"), CALLBACK);
        InvalidCredentialsException replayed = assertThrows(InvalidCredentialsException.class,
                () -> logins.complete(callback.get("state"), callback.get("code"), CALLBACK));
        assertTrue(replayed.getMessage().contains("used up"), replayed.getMessage());
        assertThrows(InvalidCredentialsException.class, () -> logins.complete("made-up", "code", CALLBACK));
    }

    @Test
    void aCodeObtainedWithAnotherNonceIsRefusedAndUsesTheAttemptUp() throws Exception {
        URI authorize = logins.begin("tara", "/", CALLBACK);
        Map<String, String> request = query(authorize);
        // An attacker's code: obtained for this state, but with a nonce of their own
        URI injected = URI.create(authorize.toString().replace("nonce=" + request.get("nonce"), "nonce=attackers-nonce"));
        Map<String, String> callback = authorizeAs("EE38001085718", injected);
        InvalidCredentialsException refused = assertThrows(InvalidCredentialsException.class,
                () -> logins.complete(callback.get("state"), callback.get("code"), CALLBACK));
        assertTrue(refused.getMessage().toLowerCase().contains("nonce"), refused.getMessage());
        assertThrows(InvalidCredentialsException.class,
                () -> logins.complete(callback.get("state"), callback.get("code"), CALLBACK));
    }

    @Test
    void anAttemptOlderThanTenMinutesIsRefused() throws Exception {
        Clock earlier = Clock.fixed(Instant.now().minus(Duration.ofMinutes(11)), ZoneOffset.UTC);
        OidcBrowserLogins then = new OidcBrowserLogins(store, Duration.ofMinutes(30), Duration.ofHours(8), earlier);
        then.addProvider(new OidcProvider(MockProviders.taraLike("tara", tara)));
        // No token is issued for it, so none is prepared at the provider
        Map<String, String> callback = follow(then.begin("tara", "/", CALLBACK));
        assertThrows(InvalidCredentialsException.class,
                () -> logins.complete(callback.get("state"), callback.get("code"), CALLBACK));
    }

    @Test
    void aSessionEndsWhenIdleAndAtItsAbsoluteEnd() throws Exception {
        Map<String, String> callback = authorizeAs("EE38001085718", logins.begin("tara", "/", CALLBACK));
        Session session = logins.complete(callback.get("state"), callback.get("code"), CALLBACK);
        OidcBrowserLogins idleLater = new OidcBrowserLogins(store, Duration.ofMinutes(30), Duration.ofHours(8),
                Clock.fixed(Instant.now().plus(Duration.ofMinutes(31)), ZoneOffset.UTC));
        assertEquals(Optional.empty(), idleLater.find(session.cookie()));

        callback = authorizeAs("EE38001085718", logins.begin("tara", "/", CALLBACK));
        Session busy = logins.complete(callback.get("state"), callback.get("code"), CALLBACK);
        Instant now = Instant.now();
        for (int minutes = 25; minutes < 8 * 60; minutes += 25) {
            OidcBrowserLogins at = new OidcBrowserLogins(store, Duration.ofMinutes(30), Duration.ofHours(8),
                    Clock.fixed(now.plus(Duration.ofMinutes(minutes)), ZoneOffset.UTC));
            assertTrue(at.find(busy.cookie()).isPresent(), "used every 25 minutes, at minute " + minutes);
        }
        OidcBrowserLogins pastTheEnd = new OidcBrowserLogins(store, Duration.ofMinutes(30), Duration.ofHours(8),
                Clock.fixed(now.plus(Duration.ofHours(8)).plusSeconds(1), ZoneOffset.UTC));
        assertEquals(Optional.empty(), pastTheEnd.find(busy.cookie()));
    }

    @Test
    void aTokenWithoutThePersonalCodeOpensNoSession() throws Exception {
        Map<String, String> callback = authorizeAs("38001085718", logins.begin("tara", "/", CALLBACK));
        assertThrows(InvalidCredentialsException.class,
                () -> logins.complete(callback.get("state"), callback.get("code"), CALLBACK));
    }

    @Test
    void onlyLocalPathsAreReturnedTo() {
        for (String elsewhere : new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "x",
                "", "javascript:alert(1)", "/a b", "/ok\r\nSet-Cookie: x=y"}) {
            ApplicationException refused = assertThrows(ApplicationException.class,
                    () -> logins.begin("tara", elsewhere, CALLBACK), elsewhere);
            assertEquals(ApplicationException.Kind.INVALID, refused.kind());
            assertEquals("/returnTo", refused.fieldErrors().get(0).pointer());
        }
        assertThrows(ApplicationException.class, () -> logins.begin("tara", null, CALLBACK));
        assertThrows(InvalidCredentialsException.class, () -> logins.begin("nobody", "/", CALLBACK));
    }

    @Test
    void withoutACookieThereIsNoSession() {
        assertEquals(Optional.empty(), logins.find(null));
        assertEquals(Optional.empty(), logins.find("x"));
        assertEquals(Optional.empty(), logins.logout(null, CALLBACK));
    }

    /**
     * The provider's login as a browser follows it: the provider answers with a redirect to the callback. The
     * token the code will be exchanged for names {@code subject}.
     */
    private static Map<String, String> authorizeAs(String subject, URI authorize) throws Exception {
        tara.enqueueCallback(new DefaultOAuth2TokenCallback("tara", subject, "JWT", null,
                Map.of("profile_attributes", Map.of("given_name", "MARI", "family_name", "MAASIKAS"))));
        return follow(authorize);
    }

    private static Map<String, String> follow(URI authorize) throws Exception {
        HttpResponse<String> response = BROWSER.send(HttpRequest.newBuilder(authorize).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, response.statusCode(), response.body());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(CALLBACK.toString()), location.toString());
        assertNull(query(location).get("error"));
        return query(location);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        assertFalse(parameters.isEmpty());
        return parameters;
    }
}
