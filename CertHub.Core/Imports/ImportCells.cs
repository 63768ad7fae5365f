namespace CertHub.Core.Imports;

/// <summary>Checks shared by the import row validators.</summary>
public static class ImportCells
{
    /// <summary>The trimmed cell, or null with "{field}不能为空" added to <paramref name="reasons"/> when it is empty.</summary>
    public static string? Required(string? value, string field, List<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            reasons.Add($"{field}不能为空");
            return null;
        }

        return trimmed;
    }
}
