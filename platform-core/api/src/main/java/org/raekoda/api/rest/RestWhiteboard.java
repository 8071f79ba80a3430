package org.raekoda.api.rest;

/** Service properties and paths of the REST whiteboard. */
public final class RestWhiteboard {

    /** Service property: {@code true} on a JAX-RS resource object to publish under {@code /api}. */
    public static final String RESOURCE = "raekoda.rest.resource";

    /**
     * Every whiteboard resource's {@code @Path} begins with this, followed by its system's name
     * ({@code /v1/callbacks/bg-epay/…}), so that a bundle can neither shadow a core operation nor another bundle's.
     */
    public static final String CALLBACK_PATH = "/v1/callbacks/";

    private RestWhiteboard() {
    }
}
