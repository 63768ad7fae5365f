using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CertHub.Tests.E2E.ScaleOut;

/// <summary>
/// One CertHub app as its own OS process (<c>dotnet CertHub.Web.dll</c> from the web project's build output, content root
/// the web project folder) on a free loopback port, configured through environment variables; its console output is kept
/// for the failure message. <see cref="Kill"/> ends it abruptly (the whole process tree), as a crash would.
/// </summary>
public sealed class AppInstance : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppInstance(string name, Process process, string baseUrl)
    {
        Name = name;
        _process = process;
        BaseUrl = baseUrl;
    }

    public string Name { get; }

    public string BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote (stdout and stderr), for a failure message.</summary>
    public string OutputTail
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length <= 6000 ? text : text[^6000..];
            }
        }
    }

    public static AppInstance Start(string name, IReadOnlyDictionary<string, string> settings)
    {
        var (webDir, dll) = WebBuildOutput();
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = baseUrl; // overrides appsettings.json's Urls (ASPNETCORE_URLS would not)
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__CertHub.Web.Workers"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var instance = new AppInstance(name, process, baseUrl);
        process.OutputDataReceived += (_, e) => instance.Append(e.Data);
        process.ErrorDataReceived += (_, e) => instance.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return instance;
    }

    /// <summary>Waits until /healthz answers 200 (migrations and the demo seed are done by then).</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited with code {_process.ExitCode}:\n{OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Instance {Name} was not healthy within {timeout}:\n{OutputTail}");
    }

    /// <summary>Ends the process and its children at once (no graceful shutdown), and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>
    /// The web project's folder and its CertHub.Web.dll in the same configuration/framework as this test assembly
    /// (the test output is <c>CertHub.Tests/bin/{Configuration}/{tfm}/</c>; the web output mirrors it).
    /// </summary>
    private static (string WebDir, string Dll) WebBuildOutput()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CertHub.Tests.csproj")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("The CertHub.Tests project folder was not found above " + AppContext.BaseDirectory);
        }

        var relative = Path.GetRelativePath(dir.FullName, AppContext.BaseDirectory);
        var webDir = Path.Combine(dir.Parent.FullName, "CertHub.Web");
        var dll = Path.Combine(webDir, relative, "CertHub.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the web app first: {dll} is missing.");
        }

        return (webDir, dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
