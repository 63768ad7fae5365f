namespace CertHub.Core.Common;

/// <summary>Masks an ID number for lists and exports: 513*****0019 (first 3 and last 4 characters kept).</summary>
public static class IdMask
{
    public static string Mask(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber))
        {
            return "";
        }

        return idNumber.Length <= 7 ? new string('*', idNumber.Length) : $"{idNumber[..3]}*****{idNumber[^4..]}";
    }
}
