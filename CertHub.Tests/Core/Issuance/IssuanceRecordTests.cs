using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Issuance;

public sealed class IssuanceRecordTests
{
    private static readonly DateTimeOffset Later = AnIssuanceRecord.T0.AddDays(1);

    public enum Verb
    {
        SignByOrganization,
        RejectByOrganization,
        ResignByOrganization,
        SignBySite,
        RejectBySite,
        ResignBySite,
        Issue,
        CompleteGeneration,
        FailGeneration,
        Reissue,
    }

    /// <summary>DESIGN §3.1 written out: every allowed (status, verb) and where it leads. Everything else must throw.</summary>
    private static readonly Dictionary<(IssuanceStatus, Verb), IssuanceStatus> Allowed = new()
    {
        [(IssuanceStatus.OrgPendingSign, Verb.SignByOrganization)] = IssuanceStatus.SitePendingSign,
        [(IssuanceStatus.OrgPendingSign, Verb.RejectByOrganization)] = IssuanceStatus.OrgRejected,
        [(IssuanceStatus.OrgRejected, Verb.ResignByOrganization)] = IssuanceStatus.SitePendingSign,
        [(IssuanceStatus.SitePendingSign, Verb.SignBySite)] = IssuanceStatus.PendingIssue,
        [(IssuanceStatus.SitePendingSign, Verb.RejectBySite)] = IssuanceStatus.SiteRejected,
        [(IssuanceStatus.SiteRejected, Verb.ResignBySite)] = IssuanceStatus.PendingIssue,
        [(IssuanceStatus.PendingIssue, Verb.Issue)] = IssuanceStatus.Generating,
        [(IssuanceStatus.Generating, Verb.CompleteGeneration)] = IssuanceStatus.Issued,
        [(IssuanceStatus.Generating, Verb.FailGeneration)] = IssuanceStatus.SealFailed,
        [(IssuanceStatus.SealFailed, Verb.Reissue)] = IssuanceStatus.PendingIssue,
        [(IssuanceStatus.Issued, Verb.Reissue)] = IssuanceStatus.Generating,
    };

    public static TheoryData<IssuanceStatus, Verb> AllPairs()
    {
        var data = new TheoryData<IssuanceStatus, Verb>();
        foreach (var status in Enum.GetValues<IssuanceStatus>())
        {
            foreach (var verb in Enum.GetValues<Verb>())
            {
                data.Add(status, verb);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Verb_Should_FollowDesignTable_When_AppliedInAnyStatus(IssuanceStatus status, Verb verb)
    {
        var record = AnIssuanceRecord.New().In(status).Build();
        Assert.Equal(status, record.Status);
        var historyBefore = record.History.Count;

        if (Allowed.TryGetValue((status, verb), out var expected))
        {
            Assert.True(CanFlag(record, verb));
            Apply(record, verb);
            Assert.Equal(expected, record.Status);
            Assert.Equal(historyBefore + 1, record.History.Count);
            Assert.Equal(status, record.History[^1].FromStatus);
            Assert.Equal(expected, record.History[^1].ToStatus);
        }
        else
        {
            Assert.False(CanFlag(record, verb));
            Assert.Throws<DomainRuleException>(() => Apply(record, verb));
            Assert.Equal(status, record.Status);
            Assert.Equal(historyBefore, record.History.Count);
        }
    }

    [Fact]
    public void Generate_Should_StartInOrgPendingSign_When_Created()
    {
        var record = AnIssuanceRecord.New().Build();

        Assert.Equal(IssuanceStatus.OrgPendingSign, record.Status);
        Assert.Equal(0, record.Version);
        var row = Assert.Single(record.History);
        Assert.Null(row.FromStatus);
        Assert.Equal(IssuanceAction.Generate, row.Action);
        Assert.Equal("获取待发证记录", row.Action.ToDisplayName());
        Assert.Equal("信息化应用职业技能等级证书(中级)", record.CertificateNameWithLevel);
    }

    [Fact]
    public void Generate_Should_Throw_When_SnapshotNameMissing()
    {
        var source = AnIssuanceRecord.New().Source() with { CandidateName = " " };

        var ex = Assert.Throws<DomainRuleException>(() => IssuanceRecord.Generate(source, "wl", AnIssuanceRecord.T0));
        Assert.Equal("考生姓名不能为空", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void SignByOrganization_Should_Throw_When_SignatureMissing(string image)
    {
        var record = AnIssuanceRecord.New().Build();

        var ex = Assert.Throws<DomainRuleException>(() => record.SignByOrganization("张组织", image, Later));
        Assert.Equal("请先完成签名再确认签发", ex.Message);
        Assert.Equal(IssuanceStatus.OrgPendingSign, record.Status);
        Assert.Empty(record.Signatures);
    }

    [Fact]
    public void SignBySite_Should_Throw_When_SignatureMissing()
    {
        var record = AnIssuanceRecord.New().In(IssuanceStatus.SitePendingSign).Build();

        Assert.Throws<DomainRuleException>(() => record.SignBySite("李院校", "", Later));
        Assert.Equal(IssuanceStatus.SitePendingSign, record.Status);
    }

    [Fact]
    public void Sign_Should_KeepSignatureOfEachParty_When_BothSign()
    {
        var record = AnIssuanceRecord.New().In(IssuanceStatus.PendingIssue).Build();

        Assert.Collection(record.Signatures,
            s => Assert.Equal((IssuanceParty.Organization, "张组织", "signatures/org.png"), (s.Party, s.SignerName, s.ImagePath)),
            s => Assert.Equal((IssuanceParty.Site, "李院校", "signatures/site.png"), (s.Party, s.SignerName, s.ImagePath)));
        Assert.Equal("signatures/site.png", record.History[^1].SignatureImagePath);
        Assert.Equal(IssuanceParty.Site, record.History[^1].Party);
    }

    [Theory]
    [InlineData(IssuanceStatus.OrgPendingSign)]
    [InlineData(IssuanceStatus.SitePendingSign)]
    public void Reject_Should_Throw_When_ReasonMissing(IssuanceStatus status)
    {
        var record = AnIssuanceRecord.New().In(status).Build();

        var ex = Assert.Throws<DomainRuleException>(() =>
        {
            if (status == IssuanceStatus.OrgPendingSign)
            {
                record.RejectByOrganization("wl", " ", Later);
            }
            else
            {
                record.RejectBySite("ustb", "", Later);
            }
        });
        Assert.Equal("请填写拒绝签发理由", ex.Message);
        Assert.Equal(status, record.Status);
    }

    [Fact]
    public void RejectByOrganization_Should_KeepReasonUntilResign_When_Rejected()
    {
        var record = AnIssuanceRecord.New().Build();

        record.RejectByOrganization("wl", "成绩有误", Later);
        Assert.Equal("成绩有误", record.RejectReason);
        Assert.Equal("成绩有误", record.History[^1].Reason);

        record.ResignByOrganization("wl", Later.AddHours(1));
        Assert.Null(record.RejectReason);
        Assert.Equal("成绩有误", record.History[^2].Reason);
    }

    [Fact]
    public void SiteVerb_Should_ThrowPartyMessage_When_OrganizationsTurn()
    {
        var record = AnIssuanceRecord.New().Build();

        var ex = Assert.Throws<DomainRuleException>(() => record.SignBySite("李院校", "signatures/site.png", Later));
        Assert.Equal("当前状态为“培训评价组织待签发”，考核站点不能执行“签发”操作", ex.Message);
    }

    [Fact]
    public void CanDelete_Should_BeTrue_When_NeverSigned()
    {
        var record = AnIssuanceRecord.New().Build();

        Assert.True(record.CanDelete);
        record.EnsureCanDelete();
    }

    [Theory]
    [InlineData(IssuanceStatus.OrgRejected)]
    [InlineData(IssuanceStatus.SitePendingSign)]
    [InlineData(IssuanceStatus.SiteRejected)]
    [InlineData(IssuanceStatus.PendingIssue)]
    [InlineData(IssuanceStatus.Generating)]
    [InlineData(IssuanceStatus.SealFailed)]
    [InlineData(IssuanceStatus.Issued)]
    public void CanDelete_Should_BeFalse_When_SigningStarted(IssuanceStatus status)
    {
        var record = AnIssuanceRecord.New().In(status).Build();

        Assert.False(record.CanDelete);
        var ex = Assert.Throws<DomainRuleException>(record.EnsureCanDelete);
        Assert.Equal("发证记录已开始签发，不能删除", ex.Message);
    }

    [Fact]
    public void CompleteGeneration_Should_SetNumberDateAndVersion_When_Generated()
    {
        var record = AnIssuanceRecord.New().In(IssuanceStatus.Generating).Build();

        record.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), "certificates/1.pdf", Later);

        Assert.Equal(IssuanceStatus.Issued, record.Status);
        Assert.Equal("1XXXH2021200000001", record.CertificateNo);
        Assert.Equal(new DateOnly(2021, 9, 23), record.IssuedOn);
        Assert.Equal(1, record.Version);
        Assert.True(record.CanDownload);
        Assert.Equal(IssuanceParty.System, record.History[^1].Party);
        Assert.Equal("系统", record.History[^1].ActorName);
    }

    [Fact]
    public void CompleteGeneration_Should_Throw_When_ElectronicWithoutPdf()
    {
        var record = AnIssuanceRecord.New().IssuedAs(IssueMethod.Electronic).In(IssuanceStatus.Generating).Build();

        var ex = Assert.Throws<DomainRuleException>(() => record.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), null, Later));
        Assert.Equal("电子证书缺少证书文件", ex.Message);
        Assert.Equal(IssuanceStatus.Generating, record.Status);
        Assert.Equal(0, record.Version);
    }

    [Fact]
    public void CompleteGeneration_Should_AllowNoPdf_When_Paper()
    {
        var record = AnIssuanceRecord.New().IssuedAs(IssueMethod.Paper).In(IssuanceStatus.Generating).Build();

        record.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), null, Later);

        Assert.Equal(IssuanceStatus.Issued, record.Status);
        Assert.Equal(IssueMethod.Paper, record.IssueMethod);
        Assert.False(record.CanDownload);
    }

    [Fact]
    public void Reissue_Should_IncrementVersionAndKeepOldInHistory_When_IssuedTwice()
    {
        var record = AnIssuanceRecord.New().In(IssuanceStatus.Generating).Build();
        record.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 9, 23), "certificates/v1.pdf", Later);

        record.Reissue("wl", Later.AddDays(1));
        Assert.Equal(IssuanceStatus.Generating, record.Status);
        Assert.Equal(IssueMethod.Electronic, record.IssueMethod);
        record.CompleteGeneration("1XXXH2021200000001", new DateOnly(2021, 10, 1), "certificates/v2.pdf", Later.AddDays(2));

        Assert.Equal(2, record.Version);
        Assert.Equal("certificates/v2.pdf", record.PdfPath);
        var versions = record.History.Where(h => h.Action == IssuanceAction.GenerationSucceeded).ToList();
        Assert.Equal([1, 2], versions.Select(v => v.Version!.Value));
        Assert.Equal(["certificates/v1.pdf", "certificates/v2.pdf"], versions.Select(v => v.PdfPath!));
    }

    [Fact]
    public void FailGeneration_Should_KeepReasonAndClearOnReissue_When_SealMissing()
    {
        var record = AnIssuanceRecord.New().In(IssuanceStatus.Generating).Build();

        record.FailGeneration("未上传机构公章", Later);
        Assert.Equal(IssuanceStatus.SealFailed, record.Status);
        Assert.Equal("未上传机构公章", record.FailureReason);
        Assert.Equal(0, record.Version);

        record.Reissue("wl", Later.AddHours(1));
        Assert.Equal(IssuanceStatus.PendingIssue, record.Status);
        Assert.Null(record.FailureReason);
        Assert.Equal("未上传机构公章", record.History.Single(h => h.Action == IssuanceAction.GenerationFailed).Reason);
    }

    [Fact]
    public void FailGeneration_Should_Throw_When_ReasonMissing()
    {
        var record = AnIssuanceRecord.New().In(IssuanceStatus.Generating).Build();

        Assert.Throws<DomainRuleException>(() => record.FailGeneration("", Later));
        Assert.Equal(IssuanceStatus.Generating, record.Status);
    }

    [Fact]
    public void Issue_Should_RecordMethod_When_PendingIssue()
    {
        var record = AnIssuanceRecord.New().In(IssuanceStatus.PendingIssue).Build();

        record.Issue(IssueMethod.Paper, "wl", Later);

        Assert.Equal(IssueMethod.Paper, record.IssueMethod);
        Assert.Equal("纸质证书", record.IssueMethod!.Value.ToDisplayName());
    }

    [Fact]
    public void StatusDisplayNames_Should_MatchManual_When_Shown()
    {
        Assert.Equal(
            ["培训评价组织待签发", "培训评价组织拒绝签发", "考核站点待签发", "考核站点拒绝签发", "证书待发放", "证书生成中", "盖章失败", "完成发放"],
            Enum.GetValues<IssuanceStatus>().Select(s => s.ToDisplayName()));
    }

    private static bool CanFlag(IssuanceRecord record, Verb verb) => verb switch
    {
        Verb.SignByOrganization => record.CanSignByOrganization,
        Verb.RejectByOrganization => record.CanRejectByOrganization,
        Verb.ResignByOrganization => record.CanResignByOrganization,
        Verb.SignBySite => record.CanSignBySite,
        Verb.RejectBySite => record.CanRejectBySite,
        Verb.ResignBySite => record.CanResignBySite,
        Verb.Issue => record.CanIssue,
        Verb.CompleteGeneration => record.CanCompleteGeneration,
        Verb.FailGeneration => record.CanFailGeneration,
        Verb.Reissue => record.CanReissue,
        _ => throw new ArgumentOutOfRangeException(nameof(verb)),
    };

    private static void Apply(IssuanceRecord record, Verb verb)
    {
        switch (verb)
        {
            case Verb.SignByOrganization: record.SignByOrganization("张组织", "signatures/org2.png", Later); break;
            case Verb.RejectByOrganization: record.RejectByOrganization("wl", "理由", Later); break;
            case Verb.ResignByOrganization: record.ResignByOrganization("wl", Later); break;
            case Verb.SignBySite: record.SignBySite("李院校", "signatures/site2.png", Later); break;
            case Verb.RejectBySite: record.RejectBySite("ustb", "理由", Later); break;
            case Verb.ResignBySite: record.ResignBySite("ustb", Later); break;
            case Verb.Issue: record.Issue(IssueMethod.Electronic, "wl", Later); break;
            case Verb.CompleteGeneration: record.CompleteGeneration("1XXXH2021200000099", new DateOnly(2021, 9, 30), "certificates/x.pdf", Later); break;
            case Verb.FailGeneration: record.FailGeneration("未上传签名章", Later); break;
            case Verb.Reissue: record.Reissue("wl", Later); break;
            default: throw new ArgumentOutOfRangeException(nameof(verb));
        }
    }
}
