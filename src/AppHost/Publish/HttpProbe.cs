namespace ProductStore.AppHost.Publish;

/// <summary>
/// An HTTP health check with nothing but bash: the .NET runtime images ship neither curl nor wget.
/// The Dockerfile's HEALTHCHECK runs the same script.
/// </summary>
public static class HttpProbe
{
    public static string BashScript(int port, string path) =>
        $"exec 3<>/dev/tcp/127.0.0.1/{port} && printf 'GET {path} HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '";
}
