package uk.police.bluelamp.app.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import org.apache.catalina.connector.Connector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second Tomcat port that serves Prometheus its scrape and nothing else, without a sign-in:
 * the public proxy routes only the main port, so this one is reached only from the operators'
 * network (docs/adr/0027-operators-metrics-and-logs.md). On the main port the same endpoint is
 * for admins, as all of /actuator but health is.
 */
public class MetricsPort extends OncePerRequestFilter {

    public static final String SCRAPE_PATH = "/actuator/prometheus";
    private static final String SCRAPE = MetricsPort.class.getName() + ".scrape";
    private static final Logger log = LoggerFactory.getLogger(MetricsPort.class);

    private final Connector connector;
    private volatile int localPort = -1;

    MetricsPort(int port) {
        this.connector = new Connector();
        connector.setPort(port);
    }

    Connector connector() {
        return connector;
    }

    /** For SecurityConfiguration: a scrape that came in on the metrics port. */
    public static boolean isScrape(HttpServletRequest request) {
        return request.getAttribute(SCRAPE) != null;
    }

    /** The port it listens on (for tests, which ask for any free one), or -1 before it does. */
    public int localPort() {
        return localPort;
    }

    @EventListener
    void started(ServletWebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat
                && Arrays.asList(tomcat.getTomcat().getService().findConnectors())
                        .contains(connector)) {
            localPort = connector.getLocalPort();
            log.info("Prometheus metrics at port {}, path {}", localPort, SCRAPE_PATH);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (localPort < 0 || request.getLocalPort() != localPort) {
            chain.doFilter(request, response);
        } else if ("GET".equals(request.getMethod()) && SCRAPE_PATH.equals(request.getRequestURI())) {
            request.setAttribute(SCRAPE, Boolean.TRUE);
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
