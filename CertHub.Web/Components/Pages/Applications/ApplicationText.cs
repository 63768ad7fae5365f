using CertHub.Core.Applications;
using CertHub.Core.Common;

namespace CertHub.Web.Components.Pages.Applications;

/// <summary>How the application pages print times and flags (China time).</summary>
public static class ApplicationText
{
    public static string Time(DateTimeOffset utc) => ChinaTime.ToChina(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Window(ApplicationPlanListItem plan) => $"{Time(plan.StartUtc)} 至 {Time(plan.EndUtc)}";

    public static string YesNo(bool value) => value ? "是" : "否";

    public static string Number(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
