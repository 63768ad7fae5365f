using CertHub.Core.Catalog;
using CertHub.Core.Issuance;

namespace CertHub.Tests.Support.Builders;

/// <summary>Certificate documents and small valid images for renderer and issuing tests.</summary>
public static class ACertificateDocument
{
    public static CertificateDocument Electronic(string certificateNo = "1XXXH2021200000001") => new(
        "王大三", "370682200101016549", "信息化应用职业技能等级证书", CertificateLevel.Intermediate, "中物联物流", "北方工业大学",
        new DateOnly(2021, 9, 23), certificateNo, 1, IssueMethod.Electronic, $"http://localhost:5080/verify/{certificateNo}",
        GreyPng.Create(295, 413, 0xD0), GreyPng.Create(200, 200, 0xC0), GreyPng.Create(300, 120, 0x80), GreyPng.Create(200, 200, 0xA0));
}
