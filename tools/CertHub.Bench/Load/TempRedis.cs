using System.Diagnostics;
using StackExchange.Redis;

namespace CertHub.Bench.Load;

/// <summary>
/// A throw-away redis-server (Debian's package) on a free loopback port, no persistence: the change feed between the app
/// and the bench's background work, as between two app instances (docs/deploy.md). Killed on dispose.
/// </summary>
internal sealed class TempRedis : IAsyncDisposable
{
    private readonly Process _process;

    private TempRedis(Process process, int port)
    {
        _process = process;
        Configuration = $"127.0.0.1:{port}";
    }

    /// <summary>The StackExchange.Redis configuration string (<c>Redis:Configuration</c>).</summary>
    public string Configuration { get; }

    /// <summary>Starts redis-server, or returns null when it is not installed.</summary>
    public static async Task<TempRedis?> StartAsync()
    {
        var server = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);
        if (server is null)
        {
            return null;
        }

        var port = TempPostgres.FreePort();
        var start = new ProcessStartInfo(server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var redis = new TempRedis(process, port);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",connectTimeout=500");
                await probe.GetDatabase().PingAsync();
                return redis;
            }
            catch (RedisConnectionException)
            {
                await Task.Delay(100);
            }
        }

        await redis.DisposeAsync();
        throw new InvalidOperationException("redis-server did not answer within 5 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
