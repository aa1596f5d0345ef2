# syntax=docker/dockerfile:1
# One image per service: docker build --build-arg SERVICE=Orders -t productstore/orders .
# (deploy/compose builds all of them; the AppHost's publish command writes that file.)
ARG SERVICE=Catalog

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG SERVICE
WORKDIR /source
# Restore first, from the project files alone, so that a code change does not download every package again.
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/ServiceDefaults/ServiceDefaults.csproj src/ServiceDefaults/
COPY src/Storage/Storage.csproj src/Storage/
COPY src/${SERVICE}/${SERVICE}.csproj src/${SERVICE}/
RUN dotnet restore src/${SERVICE} -p:Cassandra=true
COPY src/ServiceDefaults/ src/ServiceDefaults/
COPY src/Storage/ src/Storage/
COPY src/${SERVICE}/ src/${SERVICE}/
RUN dotnet publish src/${SERVICE} -c Release -p:Cassandra=true --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG SERVICE
ENV SERVICE_ASSEMBLY=${SERVICE}.dll \
    ASPNETCORE_HTTP_PORTS=8080
WORKDIR /app
COPY --from=build /app .
# The official images define APP_UID, a non-root user.
USER $APP_UID
EXPOSE 8080
# The runtime image has bash but no curl or wget: an HTTP request over bash's /dev/tcp (the AppHost's HttpProbe writes the same).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# exec: dotnet becomes PID 1 and receives SIGTERM for a graceful shutdown.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$SERVICE_ASSEMBLY\""]
