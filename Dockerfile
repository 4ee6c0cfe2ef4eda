# syntax=docker/dockerfile:1
# One image for the three services: `docker run newsflow ingest|enrich|aggregate --bootstrap-servers ...`.
# Build stage: the Maven wrapper fetches Maven, then the app and the modules it needs are packaged.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY schemas schemas
COPY platform platform
COPY ingest ingest
COPY enrich enrich
COPY aggregate aggregate
COPY app app
COPY benchmarks/pom.xml benchmarks/
# The Maven repository is a build cache, so a source change does not download every dependency again.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl app -am package -DskipTests

# Run stage: a JRE, the app jar and its runtime libraries, and curl for the health checks.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /var/lib/newsflow --create-home newsflow
COPY --from=build /src/app/target/newsflow-app.jar /opt/newsflow/newsflow-app.jar
COPY --from=build /src/app/target/lib /opt/newsflow/lib
COPY LICENSE NOTICE THIRD-PARTY.txt /opt/newsflow/
USER newsflow
WORKDIR /var/lib/newsflow
# Metrics, health and dashboard on all interfaces inside the container (the default is loopback).
ENV NEWSFLOW_HTTP_HOST=0.0.0.0 \
    NEWSFLOW_DATA_DIR=/var/lib/newsflow \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["java", "-cp", "/opt/newsflow/newsflow-app.jar:/opt/newsflow/lib/*", "io.newsflow.app.Newsflow"]
CMD ["--help"]
