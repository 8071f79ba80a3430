package __PKG__.internal;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel route that talks to __CCU__ __SYSTEM__: {@code GET <baseUrl>/subjects/<code>} with the request id as
 * {@code X-Request-Id}, so that the system can tell a retry from a new question. Replace the address and the
 * headers with what the real system's protocol says; keep the route id, /health reports routes by id.
 */
final class __CLASS__Routes extends RouteBuilder {

    static final String ENDPOINT = "direct:__CC__-__SYSTEM__-check";
    static final String ROUTE_ID = "__CC__-__SYSTEM__-check";

    private final String baseUrl;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    __CLASS__Routes(String baseUrl, int connectTimeoutMillis, int readTimeoutMillis) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public void configure() {
        // Failures go back to the caller as they are: the platform's outbox retries them and counts them for the
        // circuit breaker, so the route neither retries nor logs them itself.
        errorHandler(noErrorHandler());
        from(ENDPOINT).routeId(ROUTE_ID)
                .removeHeaders("*", "code|requestId")
                .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                .setHeader("X-Request-Id", header("requestId"))
                .setHeader(Exchange.HTTP_PATH, simple("/subjects/${header.code}"))
                .removeHeaders("code|requestId")
                .setBody(constant(null))
                // Every status comes back to the check, which decides what it means; only the transport throws.
                .to(baseUrl + "?throwExceptionOnFailure=false&connectTimeout="
                        + connectTimeoutMillis + "&socketTimeout=" + readTimeoutMillis
                        + "&connectionRequestTimeout=" + connectTimeoutMillis)
                .convertBodyTo(String.class);
    }
}
