# newswire roles as a container image: docker compose builds it for the ingest, processors and sinks services.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests install

FROM eclipse-temurin:17-jre
WORKDIR /opt/newswire
COPY --from=build /src/app/target/newswire.jar ./newswire.jar
COPY --from=build /src/app/target/lib ./lib
COPY seeds ./seeds
RUN useradd --system --home /opt/newswire newswire && mkdir -p /var/lib/newswire /out \
    && chown newswire /var/lib/newswire /out
USER newswire
ENV NEWSWIRE_STATE_DIR=/var/lib/newswire
ENTRYPOINT ["java", "-jar", "/opt/newswire/newswire.jar"]
CMD ["--help"]
