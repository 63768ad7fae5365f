namespace CertHub.Web.Components.Pages.Issuance.Components;

/// <summary>A button of a row's 操作 column.</summary>
public enum RowAction
{
    View,
    Sign,
    Reject,
    Resign,
    Issue,
    Reissue,
    Download,
    Delete,
}
