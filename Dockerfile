# Builds the one deployable (backend and frontend) and runs it on a JRE.
FROM node:20-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm
WORKDIR /src
COPY . .
RUN mvn -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 bluelamp
USER bluelamp
WORKDIR /app
COPY --from=build /src/services/app/target/blue-lamp.jar /app/blue-lamp.jar
# 9464: Prometheus's scrape (/actuator/prometheus, no sign-in): for the operators' network only,
# never published through the public proxy (docs/adr/0027-operators-metrics-and-logs.md).
ENV BLUELAMP_METRICS_PORT=9464
EXPOSE 8080 9464
ENTRYPOINT ["java", "-jar", "/app/blue-lamp.jar"]
