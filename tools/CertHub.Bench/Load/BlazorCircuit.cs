using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Bench.Load;

/// <summary>
/// One browser tab's Blazor Server circuit, driven the way blazor.web.js drives it: the prerendered page's component
/// markers → the /_blazor hub ("blazorpack") → StartCircuit → UpdateRootComponents; every render batch is read and
/// acknowledged (OnRenderCompleted), JS interop calls are answered "done, no value", and browser events are dispatched
/// through the renderer's interop object (DispatchEventAsync), as the browser does. The pager of the MudTable is followed
/// through its info text (第 21-40 条，共 N 条) and its 下一页 button's event handler id, both read from the batches.
/// </summary>
internal sealed partial class BlazorCircuit : IAsyncDisposable
{
    private const string NextPageLabel = "下一页";
    private readonly HubConnection _hub;
    private readonly object _gate = new();
    private long _nextPageHandler;
    private int _nextPageComponent = -1;
    private long _interopObjectId;
    private int _firstItem;
    private int _lastItem;
    private int _callId;
    private (int FirstItem, TaskCompletionSource<long> Done)? _waiter;

    private BlazorCircuit(HubConnection hub) => _hub = hub;

    public string? Error { get; private set; }

    public static async Task<BlazorCircuit> StartAsync(string baseUrl, string path, string html, IReadOnlyDictionary<string, string> headers,
        TimeSpan timeout, CancellationToken ct)
    {
        var markers = MarkerRegex().Matches(html).Select(m => m.Groups[1].Value)
            .Where(json => json.Contains("\"descriptor\"", StringComparison.Ordinal)).ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{path}: the page has no interactive components (not signed in?)");
        }

        var started = Stopwatch.GetTimestamp();
        var state = StateRegex().Match(html) is { Success: true } s ? s.Groups[1].Value : "";
        var builder = new HubConnectionBuilder().WithUrl(baseUrl + "/_blazor", options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            foreach (var (name, value) in headers)
            {
                options.Headers[name] = value;
            }
        });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var circuit = new BlazorCircuit(builder.Build());
        circuit._hub.ServerTimeout = TimeSpan.FromMinutes(2);
        circuit.Listen();
        try
        {
            await circuit._hub.StartAsync(ct);
            var id = await circuit._hub.InvokeAsync<string?>("StartCircuit", baseUrl + "/", baseUrl + path, "[]", "", ct);
            if (string.IsNullOrEmpty(id))
            {
                throw new InvalidOperationException($"{path}: StartCircuit was refused ({circuit.Error})");
            }

            var operations = new JsonArray([.. markers.Select((json, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = JsonNode.Parse(json),
            })]);
            var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
            TaskCompletionSource<long> firstPage;
            lock (circuit._gate)
            {
                firstPage = circuit.Expect(1);
            }

            await circuit._hub.SendAsync("UpdateRootComponents", batch, state, ct);
            try
            {
                circuit.FirstPage = Stopwatch.GetElapsedTime(started, await firstPage.Task.WaitAsync(timeout, ct));
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"{path}: the list's first page did not arrive within {timeout.TotalSeconds:F0} s ({circuit.Error})");
            }
        }
        catch
        {
            await circuit.DisposeAsync();
            throw;
        }

        return circuit;
    }

    /// <summary>
    /// Render batches that arrived more than a second after the last click (and after the first page): the list re-rendered on
    /// a live notice. A lower bound: a reload within a second of a click is not told apart from the click's own batches.
    /// </summary>
    public int LiveReloads { get; private set; }

    private long _lastClick;

    /// <summary>Time from the hub connection to the batch that showed the first page of the list.</summary>
    public TimeSpan FirstPage { get; private set; }

    /// <summary>
    /// Clicks 下一页 and waits for the batch that shows the next page; returns the time from sending the click to receiving
    /// that batch, or null when the pager's button is not known (not rendered yet, or the last page).
    /// </summary>
    public async Task<TimeSpan?> NextPageAsync(TimeSpan timeout, CancellationToken ct)
    {
        long handler;
        long interop;
        TaskCompletionSource<long> done;
        lock (_gate)
        {
            handler = _nextPageHandler;
            interop = _interopObjectId;
            if (handler == 0 || interop == 0 || _lastItem == 0)
            {
                return null;
            }

            done = Expect(_lastItem + 1);
        }

        var descriptor = new JsonObject { ["eventHandlerId"] = handler, ["eventName"] = "click", ["eventFieldInfo"] = null };
        var args = new JsonObject
        {
            ["detail"] = 1,
            ["screenX"] = 0,
            ["screenY"] = 0,
            ["clientX"] = 0,
            ["clientY"] = 0,
            ["offsetX"] = 0,
            ["offsetY"] = 0,
            ["pageX"] = 0,
            ["pageY"] = 0,
            ["movementX"] = 0,
            ["movementY"] = 0,
            ["button"] = 0,
            ["buttons"] = 0,
            ["ctrlKey"] = false,
            ["shiftKey"] = false,
            ["altKey"] = false,
            ["metaKey"] = false,
            ["type"] = "click",
        };
        var callId = Interlocked.Increment(ref _callId).ToString(CultureInfo.InvariantCulture);
        var sent = Stopwatch.GetTimestamp();
        Interlocked.Exchange(ref _lastClick, sent);
        await _hub.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", interop,
            new JsonArray(descriptor, args).ToJsonString(), ct);
        var received = await done.Task.WaitAsync(timeout, ct);
        return Stopwatch.GetElapsedTime(sent, received);
    }

    /// <summary>A waiter completed (with the receive timestamp) by the batch that shows the page starting at <paramref name="firstItem"/>.</summary>
    private TaskCompletionSource<long> Expect(int firstItem)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiter = (firstItem, done);
        return done;
    }

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    private void Listen()
    {
        _hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], async args =>
        {
            var batchId = (long)args[0]!;
            Read((byte[])args[1]!);
            await _hub.SendAsync("OnRenderCompleted", batchId, null);
        });
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], async args =>
        {
            var handle = (long)args[0]!;
            if ((string?)args[1] == "Blazor._internal.attachWebRendererInterop")
            {
                RememberInterop((string?)args[2]);
            }

            if (handle != 0)
            {
                await _hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,null]");
            }
        });
        _hub.On("JS.AttachComponent", [typeof(int), typeof(string)], _ => Task.CompletedTask);
        _hub.On("JS.EndUpdateRootComponents", [typeof(long)], _ => Task.CompletedTask);
        _hub.On("JS.EndInvokeDotNet", [typeof(string), typeof(bool), typeof(string)], args =>
        {
            if (args[1] is false)
            {
                Error ??= "event dispatch failed: " + args[2];
            }

            return Task.CompletedTask;
        });
        _hub.On("JS.Error", [typeof(string)], args =>
        {
            Error ??= "JS.Error: " + args[0];
            return Task.CompletedTask;
        });
        _hub.Closed += ex =>
        {
            Error ??= "circuit connection closed" + (ex is null ? "" : ": " + ex.Message);
            return Task.CompletedTask;
        };
    }

    private void RememberInterop(string? argsJson)
    {
        // [rendererId, {"__dotNetObject": id}, ...]
        if (argsJson is not null && JsonNode.Parse(argsJson) is JsonArray { Count: > 1 } array &&
            array[1]?["__dotNetObject"]?.GetValue<long>() is { } id)
        {
            lock (_gate)
            {
                _interopObjectId = id;
            }
        }
    }

    private void Read(byte[] data)
    {
        var received = Stopwatch.GetTimestamp();
        var batch = new RenderBatchReader(data);
        TaskCompletionSource<long>? done = null;
        lock (_gate)
        {
            if (_nextPageHandler != 0 && batch.DisposedEventHandlerIds().Contains(_nextPageHandler))
            {
                _nextPageHandler = 0;
            }

            if (_lastItem != 0 && _waiter is null && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastClick), received) > TimeSpan.FromSeconds(1))
            {
                LiveReloads++;
            }

            FollowNextPageButton(batch);
            foreach (var text in batch.Strings())
            {
                if (PagerText.Info().Match(text) is { Success: true } info)
                {
                    _firstItem = int.Parse(info.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    _lastItem = int.Parse(info.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                }
            }

            if (_waiter is { } waiter && waiter.FirstItem == _firstItem)
            {
                done = waiter.Done;
                _waiter = null;
            }
        }

        done?.TrySetResult(received);
    }

    /// <summary>
    /// The 下一页 button is its own component: found when the component's element is inserted (prependFrame), its click
    /// handler id then follows the component's setAttribute edits of onclick (a re-render assigns a new id).
    /// </summary>
    private void FollowNextPageButton(RenderBatchReader batch)
    {
        foreach (var (componentId, edits) in batch.Diffs())
        {
            foreach (var edit in edits)
            {
                if (edit.Type == RenderBatchReader.Edit.PrependFrame)
                {
                    foreach (var element in batch.ElementsOf(edit.ReferenceFrameIndex))
                    {
                        if (element.Name == "button" && element["aria-label"]?.Value == NextPageLabel && element["onclick"] is { EventHandlerId: > 0 } click)
                        {
                            _nextPageComponent = componentId;
                            _nextPageHandler = click.EventHandlerId;
                        }
                    }
                }
                else if (edit.Type == RenderBatchReader.Edit.SetAttribute && componentId == _nextPageComponent &&
                    batch.AttributeAt(edit.ReferenceFrameIndex) is { Name: "onclick", EventHandlerId: > 0 } click)
                {
                    _nextPageHandler = click.EventHandlerId;
                }
            }
        }
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StateRegex();
}
