package org.raekoda.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.InternalServerErrorException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/** The REST layer's one JSON configuration: every body in and out goes through {@link #mapper}. */
final class RestJson {

    private RestJson() {
    }

    /**
     * Unknown fields refused; java.time as ISO-8601 strings; the parser's limits set here rather than left to
     * Jackson's defaults, so that no body can make it build a huge or deep tree (the body's size is capped
     * before, by {@link BodyLimitFilter}).
     */
    static ObjectMapper mapper(long maxDocumentBytes, int maxNestingDepth, int maxNumberLength) {
        int maxString = (int) Math.min(Integer.MAX_VALUE, maxDocumentBytes);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(maxDocumentBytes)
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(maxString)
                        .maxNameLength(Math.min(maxString, 1000))
                        .maxNumberLength(maxNumberLength)
                        .build())
                .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(maxNestingDepth).build())
                .build();
        return new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    /**
     * Jackson's provider, writing each answer whole or not at all: a body that fails half way is never sent,
     * so the failure can still become a clean 500 problem instead of a truncated 200.
     */
    static final class WholeBodyProvider extends JacksonJsonProvider {

        WholeBodyProvider(ObjectMapper mapper) {
            super(mapper);
        }

        @Override
        public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations,
                MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                super.writeTo(value, type, genericType, annotations, mediaType, headers, body);
            } catch (IOException | RuntimeException e) {
                // The server could not write its own answer: never the client's fault, so never a 4xx.
                throw new InternalServerErrorException("The answer could not be written as JSON", e);
            }
            body.writeTo(out);
        }
    }
}
