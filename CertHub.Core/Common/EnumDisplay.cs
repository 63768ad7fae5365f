using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace CertHub.Core.Common;

/// <summary>Chinese display names of enum members, read once from their [Display(Name = "...")].</summary>
public static class EnumDisplay
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    public static string ToDisplayName(this Enum value) =>
        Cache.GetOrAdd(value, static v =>
        {
            var member = v.GetType().GetField(v.ToString());
            return member?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? v.ToString();
        });

    /// <summary>Parses a display name back into the enum member; null when no member has that name.</summary>
    public static TEnum? FromDisplayName<TEnum>(string? name) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (value.ToDisplayName() == name.Trim())
            {
                return value;
            }
        }

        return null;
    }
}
