package uk.police.bluelamp.app.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * nginx from Debian's packages in front of the nodes, configured as deploy/nginx/blue-lamp.conf
 * is for compose: round-robin with no stickiness, WebSocket upgrades on /ws, X-Forwarded-For and
 * -Proto set (the app believes them from loopback and private addresses, Tomcat's internal
 * proxies). Everything it writes stays in its scratch folder. One addition for tests: each
 * answer names the node that gave it (X-Served-By), so a test can see the requests spread.
 */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path folder;
    private final int port;

    private Nginx(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    public static Nginx inFrontOf(List<Integer> nodePorts) {
        Path folder = Processes.scratchFolder("bluelamp-nginx-");
        for (int attempt = 0; ; attempt++) {
            int port = Processes.freePort();
            try {
                Files.createDirectories(folder.resolve("temp"));
                Files.writeString(folder.resolve("nginx.conf"), configuration(folder, port, nodePorts));
                Process process = new ProcessBuilder(
                                "/usr/sbin/nginx",
                                "-p",
                                folder.toString(),
                                "-c",
                                folder.resolve("nginx.conf").toString(),
                                "-e",
                                folder.resolve("error.log").toString())
                        .redirectErrorStream(true)
                        .redirectOutput(folder.resolve("nginx.out").toFile())
                        .start();
                Nginx nginx = new Nginx(process, folder, port);
                if (nginx.awaitListening(Duration.ofSeconds(20))) {
                    return nginx;
                }
                nginx.process.destroyForcibly();
                if (attempt == 3) {
                    throw new IllegalStateException(
                            "nginx did not start: " + Files.readString(folder.resolve("nginx.out")));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String configuration(Path folder, int port, List<Integer> nodePorts) {
        String servers = nodePorts.stream()
                .map(node -> "        server 127.0.0.1:" + node + ";")
                .collect(Collectors.joining("\n"));
        String temp = folder.resolve("temp").toString();
        return """
                daemon off;
                master_process on;
                worker_processes 1;
                %s
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log %s/access.log;
                    client_body_temp_path %s/body;
                    proxy_temp_path %s/proxy;
                    fastcgi_temp_path %s/fastcgi;
                    uwsgi_temp_path %s/uwsgi;
                    scgi_temp_path %s/scgi;
                    map $http_upgrade $connection_upgrade { default upgrade; '' ""; }
                    map "$scheme:$http_host" $forwarded_port {
                        ~^[a-z]+:.*:(?<port>[0-9]+)$ $port;
                        ~^https: 443;
                        default 80;
                    }
                    upstream bluelamp {
                %s
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        client_max_body_size 1m;
                        add_header X-Served-By $upstream_addr always;
                        proxy_http_version 1.1;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-Port $forwarded_port;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        location / {
                            proxy_pass http://bluelamp;
                        }
                        location /ws {
                            proxy_read_timeout 1h;
                            proxy_pass http://bluelamp;
                        }
                    }
                }
                """.formatted(
                        Processes.runningAsRoot() ? "user root root;" : "",
                        folder,
                        folder,
                        folder,
                        temp,
                        temp,
                        temp,
                        temp,
                        temp,
                        servers,
                        port);
    }

    private boolean awaitListening(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        Processes.stop(process, folder);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
