using Microsoft.JSInterop;

namespace CertHub.Web.Components.Shared;

/// <summary>Saves a file in the browser through wwwroot/js/download.js (the helper ExportButton uses).</summary>
public static class FileDownloads
{
    public static async Task SaveAsync(IJSRuntime js, string fileName, Stream content)
    {
        ArgumentNullException.ThrowIfNull(js);
        using var reference = new DotNetStreamReference(content, leaveOpen: true);
        await js.InvokeVoidAsync("downloadFileFromStream", fileName, reference);
    }

    public static async Task SaveAsync(IJSRuntime js, string fileName, byte[] content)
    {
        await using var stream = new MemoryStream(content, writable: false);
        await SaveAsync(js, fileName, stream);
    }

    /// <summary>名单_20210920103000.xlsx</summary>
    public static string Stamped(string name, string extension) => $"{name}_{DateTime.Now:yyyyMMddHHmmss}.{extension}";
}
