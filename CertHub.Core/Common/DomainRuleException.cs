namespace CertHub.Core.Common;

/// <summary>领域规则异常: a business rule refused an action. The message is Chinese and shown to the user as is.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message)
    {
    }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DomainRuleException()
    {
    }

    /// <summary>Throws when the condition is false.</summary>
    public static void ThrowIf(bool condition, string message)
    {
        if (condition)
        {
            throw new DomainRuleException(message);
        }
    }
}
