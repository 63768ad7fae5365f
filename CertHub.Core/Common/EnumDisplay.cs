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
    public static TEnum? FromDisplayName<TEnum>(string? name) where TEnum : struct, Enum =>
        string.IsNullOrWhiteSpace(name) ? null : ByDisplayName<TEnum>.Values.TryGetValue(name.Trim(), out var value) ? value : null;

    /// <summary>Display name → member, built once per enum type (the first member wins when two share a name).</summary>
    private static class ByDisplayName<TEnum> where TEnum : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, TEnum> Values = Build();

        private static Dictionary<string, TEnum> Build()
        {
            var values = new Dictionary<string, TEnum>(StringComparer.Ordinal);
            foreach (var value in Enum.GetValues<TEnum>())
            {
                values.TryAdd(value.ToDisplayName(), value);
            }

            return values;
        }
    }
}
