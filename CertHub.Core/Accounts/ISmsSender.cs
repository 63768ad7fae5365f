namespace CertHub.Core.Accounts;

/// <summary>
/// 短信发送: sends a text to a mobile phone. Web picks the implementation by configuration (Sms:Provider): the development
/// outbox by default, an HTTP gateway in production.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}
