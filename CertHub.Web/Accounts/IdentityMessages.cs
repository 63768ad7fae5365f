using Microsoft.AspNetCore.Identity;

namespace CertHub.Web.Accounts;

/// <summary>Chinese texts for Identity's error codes.</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "密码长度不能少于8位",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密码必须包含数字",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密码必须包含小写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "密码必须包含大写字母",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "密码必须包含特殊字符",
        nameof(IdentityErrorDescriber.DuplicateUserName) => "账号已存在",
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => CertHub.Core.Common.ConcurrencyConflict.Message,
        nameof(IdentityErrorDescriber.InvalidUserName) => "账号只能包含字母、数字和 - . _ @",
        _ => error.Description,
    };
}
