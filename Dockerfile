# Multi-stage build of the API: the SDK image builds and publishes, the slim ASP.NET runtime image runs it.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# The API's build bundles the dashboard's chart library from npm (package-lock.json, npm ci, esbuild) into wwwroot/lib.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
COPY RotationAnalytics.sln Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/RotationAnalytics.Api/RotationAnalytics.Api.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER $APP_UID
# SYMBOL.csv files mounted at /data/market (docker-compose.yml: ROTATION_CSV_DIR) are loaded at start; an empty or
# missing folder means no startup load, and the daily worker pulls from the online providers instead.
ENTRYPOINT ["/bin/sh", "-c", "if ls /data/market/*.csv >/dev/null 2>&1; then export Ingestion__CsvDirectory=/data/market; fi; exec dotnet RotationAnalytics.Api.dll \"$@\"", "api"]
