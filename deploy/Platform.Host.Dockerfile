# syntax=docker/dockerfile:1
# Platform.Host: SDK image to build, chiseled ASP.NET Core runtime (no shell, no package manager) to run, as the
# non-root "app" user (UID 1654, the user the Helm chart's securityContext names). No secret is baked in: every
# setting arrives as an environment variable at run time.
#
#   docker build -f deploy/Platform.Host.Dockerfile -t platform/host .      (from the repository root)

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra

FROM ${SDK_IMAGE} AS build
WORKDIR /repo
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# The package cache outlives the build stage, so a rebuild after a code change restores nothing.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet restore src/Platform.Host/Platform.Host.csproj
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/Platform.Host/Platform.Host.csproj --no-restore -c Release -o /app /p:UseAppHost=false

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=build /app ./
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080
# HTTP, Orleans silo-to-silo, Orleans gateway.
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Platform.Host.dll"]
