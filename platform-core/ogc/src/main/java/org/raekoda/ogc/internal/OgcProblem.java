package org.raekoda.ogc.internal;

/**
 * A request the service cannot answer as asked: a 4xx with an RFC 9457 problem body. For a bad query parameter
 * the pointer names it ({@code /query/bbox}), as the REST API's problems do.
 */
final class OgcProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String pointer;

    OgcProblem(int status, String title, String detail, String pointer) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.pointer = pointer;
    }

    static OgcProblem badParameter(String parameter, String detail) {
        return new OgcProblem(400, "Bad Request", detail, "/query/" + parameter);
    }

    static OgcProblem notFound(String detail) {
        return new OgcProblem(404, "Not Found", detail, null);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    /** JSON Pointer to the parameter at fault, or null. */
    String pointer() {
        return pointer;
    }
}
