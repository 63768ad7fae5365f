using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CertHub.Core.Api;
using CertHub.Core.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CertHub.Web.Api;

/// <summary>Settings of the organisation API (section "Api").</summary>
public sealed class OrganizationApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests per key per minute.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Largest body of POST /api/v1/plans/{planId}/scores, in bytes.</summary>
    public long MaxScoreBodyBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>
/// 组织接口 /api/v1 (manual 5.1): minimal API endpoints, thin over <see cref="OrganizationApiQueries"/> and
/// <see cref="OrganizationApiScores"/>; X-Api-Key authentication, per-key rate limiting, problem details in Chinese and the
/// OpenAPI document at /openapi/v1.json. Writes are audited by the score service (one 操作日志 entry per request); reads are
/// logged (method, path, organisation, key) at Information level.
/// </summary>
public static class OrganizationApiEndpoints
{
    public const string Policy = "OrganizationApi";
    public const string DocumentName = "v1";

    public static IServiceCollection AddOrganizationApi(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(OrganizationApiOptions.Section).Get<OrganizationApiOptions>() ?? new OrganizationApiOptions();
        services.AddSingleton(Options.Create(options));
        services.AddScoped<ApiKeyService>();
        services.AddScoped<OrganizationApiQueries>();
        services.AddScoped<OrganizationApiScores>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthenticationHandler.KeyIdClaim)
            .RequireRole(Roles.OrgUser));
        Security.SharedRateLimits.AddSharedRateLimits(services, configuration);
        services.AddRateLimiter(o => o.AddPolicy<string, OrganizationApiRateLimit>(OrganizationApiRateLimit.PolicyName));
        services.AddProblemDetails();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CertHub 组织接口";
                document.Info.Description = "培训评价组织的考务、阅卷和收费系统使用的接口。请求头 X-Api-Key 携带机构的API密钥（在 系统管理 > 接口密钥 中创建）。";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthenticationHandler.HeaderName,
                    Description = "机构的API密钥",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOrganizationApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(OrganizationApiRateLimit.PolicyName)
            .WithTags("组织接口")
            .AddEndpointFilter(LogAndMapRuleErrors)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapGet("/plans", async (OrganizationApiQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.PlansAsync(ct)))
            .WithSummary("考试计划列表");

        api.MapGet("/plans/{planId:int}/registrations", async (int planId, int? page, int? pageSize, int? subjectId, int? siteId,
                DateTimeOffset? updatedSince, OrganizationApiQueries queries, CancellationToken ct) =>
            {
                var (request, error) = ApiPageRequest.Of(page, pageSize);
                return request is null ? ApiProblems.Result(StatusCodes.Status400BadRequest, error!)
                    : Found(await queries.RegistrationsAsync(planId, new ApiRegistrationFilter(subjectId, siteId, updatedSince), request, ct));
            })
            .WithSummary("考试计划的报考记录（分页；按科目、考核站点、创建时间筛选）")
            .Produces<ApiPage<ApiRegistration>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/plans/{planId:int}/schedule", async (int planId, int? page, int? pageSize, OrganizationApiQueries queries, CancellationToken ct) =>
            {
                var (request, error) = ApiPageRequest.Of(page, pageSize);
                return request is null ? ApiProblems.Result(StatusCodes.Status400BadRequest, error!) : Found(await queries.ScheduleAsync(planId, request, ct));
            })
            .WithSummary("考试计划的排考（考场场次、座位、准考证号；按场次分页）")
            .Produces<ApiPage<ApiRoomSession>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/plans/{planId:int}/scores", SubmitScoresAsync)
            .WithSummary("批量提交科目成绩（与成绩导入规则相同，重复提交不会重复登记）")
            .Accepts<List<ApiScoreRow>>("application/json")
            .Produces<ApiScoreSubmission>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/plans/{planId:int}/results", async (int planId, int? page, int? pageSize, OrganizationApiQueries queries, CancellationToken ct) =>
            {
                var (request, error) = ApiPageRequest.Of(page, pageSize);
                return request is null ? ApiProblems.Result(StatusCodes.Status400BadRequest, error!) : Found(await queries.ResultsAsync(planId, request, ct));
            })
            .WithSummary("考证结果（含各科成绩，分页）")
            .Produces<ApiPage<ApiResult>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/issuance", async (int? planId, int? page, int? pageSize, OrganizationApiQueries queries, CancellationToken ct) =>
            {
                var (request, error) = ApiPageRequest.Of(page, pageSize);
                return request is null ? ApiProblems.Result(StatusCodes.Status400BadRequest, error!) : Found(await queries.IssuanceAsync(planId, request, ct));
            })
            .WithSummary("发证记录及其状态（可按考试计划筛选，分页）")
            .Produces<ApiPage<ApiIssuance>>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapFallback(() => ApiProblems.Result(StatusCodes.Status404NotFound, "接口不存在")).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SubmitScoresAsync(int planId, HttpContext http, OrganizationApiScores scores,
        IOptions<OrganizationApiOptions> options, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var limit = options.Value.MaxScoreBodyBytes;
        var tooLarge = string.Format(CultureInfo.InvariantCulture, "请求体过大：最多{0}KB", limit / 1024);
        if (http.Request.ContentLength > limit)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, tooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        using var body = new MemoryStream();
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await http.Request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > limit)
                {
                    return ApiProblems.Result(StatusCodes.Status400BadRequest, tooLarge);
                }

                body.Write(buffer, 0, read);
            }
        }
        catch (BadHttpRequestException)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, tooLarge);
        }

        List<ApiScoreRow?>? rows;
        try
        {
            body.Position = 0;
            rows = await JsonSerializer.DeserializeAsync<List<ApiScoreRow?>>(body, json.Value.SerializerOptions, ct);
        }
        catch (JsonException ex)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest,
                string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "请求体不是有效的JSON成绩数组" : $"请求体不是有效的JSON或字段类型不正确（位置 {ex.Path}）");
        }

        if (rows is null || rows.Count == 0)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, "请求体应为非空的成绩数组");
        }

        if (rows.Count > OrganizationApiScores.MaxRows)
        {
            return ApiProblems.Result(StatusCodes.Status400BadRequest, $"每次最多提交{OrganizationApiScores.MaxRows}行成绩");
        }

        return Found(await scores.SubmitAsync(planId, rows, ct));
    }

    private static IResult Found<T>(T? value) where T : class =>
        value is null ? ApiProblems.Result(StatusCodes.Status404NotFound, "考试计划不存在或不属于本机构") : TypedResults.Ok(value);

    /// <summary>Turns a refused business rule into 409 problem details, and logs every call (reads are not written to the audit log).</summary>
    private static async ValueTask<object?> LogAndMapRuleErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CertHub.Api")
            .LogInformation("API {Method} {Path}{Query} organisation {OrganizationId} key {KeyId}", http.Request.Method, http.Request.Path,
                http.Request.QueryString, http.User.FindFirstValue(Accounts.CertHubClaimTypes.OrganizationId), http.User.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim));
        try
        {
            return await next(context);
        }
        catch (DomainRuleException ex)
        {
            return ApiProblems.Result(StatusCodes.Status409Conflict, ex.Message);
        }
    }
}
