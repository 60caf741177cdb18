package io.teamplay.common;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?page=0&size=50}; size at most 1000. */
public class PageRequest {

    public static final int MAX_SIZE = 1000;

    @QueryParam("page")
    @DefaultValue("0")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    public int size;

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    public PageRequest validated() {
        if (page < 0) {
            throw ProblemException.badRequest("page", "page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw ProblemException.badRequest("page", "page * size must stay below " + Integer.MAX_VALUE);
        }
        return this;
    }

    public int offset() {
        return page * size;
    }
}
