package org.raekoda.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

/**
 * Caps every request body before anything parses it: a declared length above the cap is refused at once
 * (before authentication, so anonymous callers get the same 413), and a body without a length (chunked) is
 * counted while it is read and stopped at the cap.
 */
@Priority(Priorities.AUTHENTICATION - 100)
final class BodyLimitFilter implements ContainerRequestFilter {

    private final long maxBodyBytes;
    private final long maxZoneLayerBytes;

    @Context
    private ResourceInfo resource;

    BodyLimitFilter(long maxBodyBytes, long maxZoneLayerBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxZoneLayerBytes = maxZoneLayerBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long cap = resource != null && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(ZoneLayerUpload.class) ? maxZoneLayerBytes
                        : maxBodyBytes;
        if (request.getLength() > cap) {
            throw tooLarge(cap);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new CappedInputStream(request.getEntityStream(), cap));
        }
    }

    static WebApplicationException tooLarge(long cap) {
        return new WebApplicationException("The request body is larger than the " + cap
                + " bytes this operation accepts", 413);
    }

    /** Counts what is read and fails, before handing over more, once the count passes the cap. */
    static final class CappedInputStream extends FilterInputStream {

        private final long cap;
        private long count;

        CappedInputStream(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            if (count > cap) {
                throw tooLarge(cap);
            }
        }
    }
}
