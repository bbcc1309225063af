package uk.police.bluelamp.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import uk.police.bluelamp.platform.web.ServletProblems;

/**
 * A browser asking for an address that is nobody's gets the app, which shows the service's own
 * "Page not found" in its layout, with a 404; the API and missing files keep their problem JSON.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageNotFound {

    private static final ClassPathResource APP = new ClassPathResource("static/index.html");

    @ExceptionHandler(NoResourceFoundException.class)
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isPageAddress(request, request.getRequestURI())) {
            write(response);
        } else {
            ServletProblems.write(request, response, 404, ErrorPages.title(404), ErrorPages.detail(404));
        }
    }

    /** A browser's request for a page: not the API's, nor a file's, nor the error page itself. */
    static boolean isPageAddress(HttpServletRequest request, String path) {
        return APP.exists()
                && ServletProblems.wantsHtml(request.getHeader("Accept"))
                && "GET".equals(request.getMethod())
                && !path.startsWith("/api/")
                && !path.equals("/error")
                && !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    static void write(HttpServletResponse response) throws IOException {
        response.setStatus(404);
        response.setContentType("text/html;charset=UTF-8");
        try (var page = APP.getInputStream()) {
            page.transferTo(response.getOutputStream());
        }
    }
}
