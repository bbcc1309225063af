package uk.police.bluelamp.app.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.platform.web.ServletProblems;

/**
 * Tomcat refuses some requests before the app runs (an encoded slash or NUL in the path,
 * invalid UTF-8 in it, a control character in a header, headers over the size limit) and
 * answers them with its own HTML page and none of our headers. Its error report valve is
 * replaced by one that writes our problem JSON, or a plain page for a browser, with them.
 * Runs after Spring Boot's customizer, which adds Tomcat's valve, so as to take its place.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Tomcat's own TRACE refusal bypasses the valve (an empty 400); let in, TRACE is refused by
        // the input filter with our 405 (and Spring Security's firewall refuses it too, error page included).
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Public with a no-argument constructor: Tomcat may create it itself by the class name set above. */
    public static class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean writable = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
            if (!writable.get()) {
                return;
            }
            boolean html = ServletProblems.wantsHtml(request.getHeader("Accept"));
            String title = ErrorPages.title(status);
            String detail = ErrorPages.detail(status);
            try {
                ServletProblems.securityHeaders(response, request.isSecure());
                response.setContentType(html ? "text/html" : "application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(
                            html
                                    ? ServletProblems.html(title, detail, List.of())
                                    : ServletProblems.json(status, title, detail, List.of()));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException gone) {
                // The client has gone or the response was already sent: there is no one to tell.
            }
        }
    }
}
