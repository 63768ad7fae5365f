using System.Globalization;

namespace CertHub.Core.Common;

/// <summary>
/// 金额: an amount in yuan with two decimals (decimal, never double). Creating one checks it is not negative and
/// has no more than two decimals (分); arithmetic keeps the scale; <see cref="ToString"/> prints "1,234.50".
/// Entities store the <see cref="Yuan"/> value in a decimal(18,2) column.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(decimal yuan) => Yuan = yuan;

    public static Money Zero { get; } = new(0m);

    public decimal Yuan { get; }

    /// <summary>Validates a user- or plan-given amount: not negative, at most two decimals.</summary>
    public static Money Of(decimal yuan, string field = "金额")
    {
        DomainRuleException.ThrowIf(yuan < 0, $"{field}不能小于0");
        DomainRuleException.ThrowIf(decimal.Round(yuan, 2) != yuan, $"{field}最多保留两位小数");
        DomainRuleException.ThrowIf(yuan > 99_999_999m, $"{field}过大");
        return new Money(decimal.Round(yuan, 2));
    }

    /// <summary>count × unit price, e.g. the amount of a 缴费申请单.</summary>
    public Money Times(int count)
    {
        DomainRuleException.ThrowIf(count < 0, "数量不能小于0");
        return new Money(Yuan * count);
    }

    public static Money operator +(Money left, Money right) => new(left.Yuan + right.Yuan);

    public static Money Add(Money left, Money right) => left + right;

    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public override string ToString() => Yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
