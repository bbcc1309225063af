package uk.police.bluelamp.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import uk.police.bluelamp.platform.web.ServletProblems;

/**
 * The error page (in place of Spring Boot's): every error the container forwards here, from
 * Spring Security's firewall to an uncaught exception, answers our problem JSON (or a plain
 * page for a browser) with our security headers, and says nothing of the request or the
 * exception. Asked for directly, the error page is not a page: 404. A browser asking for an
 * address that is nobody's gets the app's own "Page not found", in the service's layout.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : 404;
        response.resetBuffer();
        if (status == 404
                && PageNotFound.isPageAddress(
                        request, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)))) {
            PageNotFound.write(response);
            return;
        }
        ServletProblems.write(request, response, status, title(status), detail(status));
    }

    static String title(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read. Check the address and try again.";
            case 401 -> "Sign in to continue.";
            case 403 -> "You do not have permission to do this.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that kind of request.";
            case 408 -> "The request took too long to arrive.";
            case 413 -> "The request is too large.";
            case 414, 431 -> "The request's address or headers are too long.";
            case 429 -> "Too many requests. Try again later.";
            default ->
                status >= 500
                        ? "Something went wrong on our side. Try again later."
                        : "The request could not be completed.";
        };
    }
}
