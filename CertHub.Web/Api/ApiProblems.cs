namespace CertHub.Web.Api;

/// <summary>RFC 7807 problem details with Chinese titles and messages, for the organisation API.</summary>
public static class ApiProblems
{
    public static IResult Result(int status, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: Title(status));

    public static Task WriteAsync(HttpContext context, int status, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Result(status, detail).ExecuteAsync(context);
    }

    public static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求无效",
        StatusCodes.Status401Unauthorized => "未认证",
        StatusCodes.Status403Forbidden => "无权访问",
        StatusCodes.Status404NotFound => "未找到",
        StatusCodes.Status409Conflict => "不符合业务规则",
        StatusCodes.Status429TooManyRequests => "请求过于频繁",
        _ => "请求失败",
    };
}
