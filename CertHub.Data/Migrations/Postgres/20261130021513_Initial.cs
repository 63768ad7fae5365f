using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CertHub.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    IsCertificateOwner = table.Column<bool>(type: "boolean", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AccountRoleId = table.Column<int>(type: "integer", nullable: true),
                    OwnedCertificateIds = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MustChangePassword = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    EntityType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LedgerBlocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Height = table.Column<long>(type: "bigint", nullable: false),
                    PreviousHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    MerkleRoot = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EntryCount = table.Column<int>(type: "integer", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerBlocks", x => x.Id);
                    table.UniqueConstraint("AK_LedgerBlocks_Height", x => x.Height);
                });

            migrationBuilder.CreateTable(
                name: "Majors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Majors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Introduction = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SealImagePath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    SignatureStampPath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Provinces",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AuthorityName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ReportingCycle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Provinces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsSendWindows",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(460)", maxLength: 460, nullable: false),
                    LastSentUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsSendWindows", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsVerificationCodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Salt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false),
                    UsedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsVerificationCodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BlockHeight = table.Column<long>(type: "bigint", nullable: false),
                    IndexInBlock = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PayloadHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    TxHash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_LedgerBlocks_BlockHeight",
                        column: x => x.BlockHeight,
                        principalTable: "LedgerBlocks",
                        principalColumn: "Height",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RevokedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiKeys_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PublishedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegistrationMode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegistrationStartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegistrationEndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SchedulingStartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SchedulingEndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScoreEntryStartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScoreEntryEndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NoticeStartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NoticeEndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    PublishedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamPlans_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Batch = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequiresByMajor = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresCityApproval = table.Column<bool>(type: "boolean", nullable: false),
                    OpenScope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationPlans_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PilotSchools",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    SchoolType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Website = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Introduction = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SealImagePath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    SealUploadedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotSchools", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotSchools_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificateLevels",
                columns: table => new
                {
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateLevels", x => new { x.CertificateId, x.Level });
                    table.ForeignKey(
                        name: "FK_CertificateLevels_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CertificateMajors",
                columns: table => new
                {
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    MajorId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateMajors", x => new { x.CertificateId, x.MajorId });
                    table.ForeignKey(
                        name: "FK_CertificateMajors_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CertificateMajors_Majors_MajorId",
                        column: x => x.MajorId,
                        principalTable: "Majors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamSubjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExamMode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RoomType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CandidateScope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FullMark = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    PassMark = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamSubjects_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamSubjects_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    VenueRequirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EquipmentRequirements = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MinimumSeats = table.Column<int>(type: "integer", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteStandards_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SkillStandards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Content = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkillStandards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkillStandards_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamPlanCertificates",
                columns: table => new
                {
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamPlanCertificates", x => new { x.ExamPlanId, x.CertificateId, x.Level });
                    table.ForeignKey(
                        name: "FK_ExamPlanCertificates_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamPlanCertificates_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationPlanCertificates",
                columns: table => new
                {
                    ApplicationPlanId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationPlanCertificates", x => new { x.ApplicationPlanId, x.CertificateId, x.Level });
                    table.ForeignKey(
                        name: "FK_ApplicationPlanCertificates_ApplicationPlans_ApplicationPla~",
                        column: x => x.ApplicationPlanId,
                        principalTable: "ApplicationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApplicationPlanCertificates_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccountRoles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    PermissionCodes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountRoles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountRoles_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccountRoles_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    CandidateType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CandidateNo = table.Column<string>(type: "character(26)", fixedLength: true, maxLength: 26, nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Pinyin = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    IdType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Gender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    BirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    MajorId = table.Column<int>(type: "integer", nullable: true),
                    MajorLevel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    EnrollmentYear = table.Column<int>(type: "integer", nullable: true),
                    PhotoPath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    InfoStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    VerificationNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StatusChangedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    StatusChangedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Candidates_Majors_MajorId",
                        column: x => x.MajorId,
                        principalTable: "Majors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Candidates_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamPlanSchools",
                columns: table => new
                {
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamPlanSchools", x => new { x.ExamPlanId, x.SchoolId });
                    table.ForeignKey(
                        name: "FK_ExamPlanSchools_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExamPlanSchools_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamSites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SeatCount = table.Column<int>(type: "integer", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Equipment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamSites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamSites_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamSites_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamSites_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ImportRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    SucceededRows = table.Column<int>(type: "integer", nullable: false),
                    FailedRows = table.Column<int>(type: "integer", nullable: false),
                    FailedRowsFilePath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ImportRecords_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Invigilators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    TeacherNo = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Region = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    Title = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Department = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invigilators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Invigilators_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PhoneSigningSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character(32)", fixedLength: true, maxLength: 32, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordCount = table.Column<int>(type: "integer", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    SchoolId = table.Column<int>(type: "integer", nullable: true),
                    ProvinceId = table.Column<int>(type: "integer", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignaturePng = table.Column<byte[]>(type: "bytea", maxLength: 524288, nullable: true),
                    SubmittedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PhoneSigningSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PhoneSigningSessions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhoneSigningSessions_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PhoneSigningSessions_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PilotApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationPlanId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Batch = table.Column<int>(type: "integer", nullable: false),
                    RequiresByMajor = table.Column<bool>(type: "boolean", nullable: false),
                    RequiresCityApproval = table.Column<bool>(type: "boolean", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedTotal = table.Column<int>(type: "integer", nullable: false),
                    ApprovedTotal = table.Column<int>(type: "integer", nullable: true),
                    FacultyHtml = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    VenueHtml = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SubmittedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotApplications_ApplicationPlans_ApplicationPlanId",
                        column: x => x.ApplicationPlanId,
                        principalTable: "ApplicationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotApplications_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotApplications_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SchoolCertificateContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchoolCertificateContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchoolCertificateContacts_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SchoolCertificateContacts_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    Cycle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodLabel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WorkProgressHtml = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    DifficultiesHtml = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    PolicySuggestionsHtml = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ScanPdfPath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubmittedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyReports_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WeeklyReports_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamPlanSubjects",
                columns: table => new
                {
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Fee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamPlanSubjects", x => new { x.ExamPlanId, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_ExamPlanSubjects_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamPlanSubjects_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExamPlanSubjects_ExamSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExamSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    RequestNo = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    UnitFee = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ConfirmedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentRequests_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentRequests_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentRequests_ExamSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExamSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentRequests_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentRequests_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificateResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    ExamSiteId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UpdatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificateResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificateResults_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateResults_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateResults_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateResults_ExamSites_ExamSiteId",
                        column: x => x.ExamSiteId,
                        principalTable: "ExamSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificateResults_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamRooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    ExamSiteId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SeatCount = table.Column<int>(type: "integer", nullable: false),
                    RoomType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamRooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamRooms_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamRooms_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamRooms_ExamSites_ExamSiteId",
                        column: x => x.ExamSiteId,
                        principalTable: "ExamSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExamRooms_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamSiteLevels",
                columns: table => new
                {
                    ExamSiteId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamSiteLevels", x => new { x.ExamSiteId, x.Level });
                    table.ForeignKey(
                        name: "FK_ExamSiteLevels_ExamSites_ExamSiteId",
                        column: x => x.ExamSiteId,
                        principalTable: "ExamSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExamSiteReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExamSiteId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OccurredUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamSiteReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExamSiteReviews_ExamSites_ExamSiteId",
                        column: x => x.ExamSiteId,
                        principalTable: "ExamSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SiteAllocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExamSiteId = table.Column<int>(type: "integer", nullable: false),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: true),
                    HostSchoolId = table.Column<int>(type: "integer", nullable: false),
                    BorrowerSchoolId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteAllocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteAllocations_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteAllocations_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteAllocations_ExamSites_ExamSiteId",
                        column: x => x.ExamSiteId,
                        principalTable: "ExamSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteAllocations_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteAllocations_PilotSchools_BorrowerSchoolId",
                        column: x => x.BorrowerSchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteAllocations_PilotSchools_HostSchoolId",
                        column: x => x.HostSchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvigilatorCertifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvigilatorId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvigilatorCertifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvigilatorCertifications_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvigilatorCertifications_Invigilators_InvigilatorId",
                        column: x => x.InvigilatorId,
                        principalTable: "Invigilators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InvigilatorCertifications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApplicationReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PilotApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApprovingUnit = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ReviewedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApplicationReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApplicationReviews_PilotApplications_PilotApplicationId",
                        column: x => x.PilotApplicationId,
                        principalTable: "PilotApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PilotApplicationMajors",
                columns: table => new
                {
                    PilotApplicationId = table.Column<int>(type: "integer", nullable: false),
                    MajorId = table.Column<int>(type: "integer", nullable: false),
                    StudentCount = table.Column<int>(type: "integer", nullable: false),
                    TeacherCount = table.Column<int>(type: "integer", nullable: false),
                    RequestedTrainees = table.Column<int>(type: "integer", nullable: false),
                    ApprovedTrainees = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotApplicationMajors", x => new { x.PilotApplicationId, x.MajorId });
                    table.ForeignKey(
                        name: "FK_PilotApplicationMajors_Majors_MajorId",
                        column: x => x.MajorId,
                        principalTable: "Majors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PilotApplicationMajors_PilotApplications_PilotApplicationId",
                        column: x => x.PilotApplicationId,
                        principalTable: "PilotApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WeeklyReportReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WeeklyReportId = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReviewedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WeeklyReportReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WeeklyReportReviews_WeeklyReports_WeeklyReportId",
                        column: x => x.WeeklyReportId,
                        principalTable: "WeeklyReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: true),
                    CandidateNo = table.Column<string>(type: "character(26)", fixedLength: true, maxLength: 26, nullable: false),
                    Name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Pinyin = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    IdType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    MajorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    CandidateType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsPaid = table.Column<bool>(type: "boolean", nullable: false),
                    PaymentRequestId = table.Column<int>(type: "integer", nullable: true),
                    IsScheduled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_ExamSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExamSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_PaymentRequests_PaymentRequestId",
                        column: x => x.PaymentRequestId,
                        principalTable: "PaymentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuanceRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    CandidateSchoolId = table.Column<int>(type: "integer", nullable: false),
                    SiteSchoolId = table.Column<int>(type: "integer", nullable: false),
                    ExamSiteId = table.Column<int>(type: "integer", nullable: false),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    CertificateId = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CertificateResultId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CandidateNo = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CandidateName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CandidateType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CandidateSchoolName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CertificateName = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PlanName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SiteName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssueMethod = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CertificateNo = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PdfPath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    FailureReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RejectReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    GenerationClaim = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GenerationClaimExpiresUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuanceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_CertificateResults_CertificateResultId",
                        column: x => x.CertificateResultId,
                        principalTable: "CertificateResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_Certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "Certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_ExamSites_ExamSiteId",
                        column: x => x.ExamSiteId,
                        principalTable: "ExamSites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_PilotSchools_CandidateSchoolId",
                        column: x => x.CandidateSchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuanceRecords_PilotSchools_SiteSchoolId",
                        column: x => x.SiteSchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExamRoomSubjects",
                columns: table => new
                {
                    ExamRoomId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamRoomSubjects", x => new { x.ExamRoomId, x.SubjectId });
                    table.ForeignKey(
                        name: "FK_ExamRoomSubjects_ExamRooms_ExamRoomId",
                        column: x => x.ExamRoomId,
                        principalTable: "ExamRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExamRoomSubjects_ExamSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExamSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoomSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    ExamRoomId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomSessions_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomSessions_ExamRooms_ExamRoomId",
                        column: x => x.ExamRoomId,
                        principalTable: "ExamRooms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomSessions_ExamSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExamSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvigilatorCertificationHistories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvigilatorCertificationId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    OccurredUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvigilatorCertificationHistories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvigilatorCertificationHistories_InvigilatorCertifications~",
                        column: x => x.InvigilatorCertificationId,
                        principalTable: "InvigilatorCertifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRequestItems",
                columns: table => new
                {
                    PaymentRequestId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRequestItems", x => new { x.PaymentRequestId, x.RegistrationId });
                    table.ForeignKey(
                        name: "FK_PaymentRequestItems_PaymentRequests_PaymentRequestId",
                        column: x => x.PaymentRequestId,
                        principalTable: "PaymentRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PaymentRequestItems_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubjectScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    IsAbsent = table.Column<bool>(type: "boolean", nullable: false),
                    FullMark = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    PassMark = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: false),
                    EnteredUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectScores_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubjectScores_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubjectScores_ExamSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExamSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SubjectScores_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuanceHistories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuanceRecordId = table.Column<int>(type: "integer", nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Party = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SignatureImagePath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: true),
                    CertificateNo = table.Column<string>(type: "character varying(33)", maxLength: 33, nullable: true),
                    PdfPath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuanceHistories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuanceHistories_IssuanceRecords_IssuanceRecordId",
                        column: x => x.IssuanceRecordId,
                        principalTable: "IssuanceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IssuanceSignatures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuanceRecordId = table.Column<int>(type: "integer", nullable: false),
                    Party = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SignerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ImagePath = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    SignedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuanceSignatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuanceSignatures_IssuanceRecords_IssuanceRecordId",
                        column: x => x.IssuanceRecordId,
                        principalTable: "IssuanceRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomRosters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoomSessionId = table.Column<int>(type: "integer", nullable: false),
                    ExamPlanId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClosedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomRosters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomRosters_ExamPlans_ExamPlanId",
                        column: x => x.ExamPlanId,
                        principalTable: "ExamPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomRosters_ExamSubjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "ExamSubjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomRosters_RoomSessions_RoomSessionId",
                        column: x => x.RoomSessionId,
                        principalTable: "RoomSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoomSessionInvigilators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoomSessionId = table.Column<int>(type: "integer", nullable: false),
                    InvigilatorId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoomSessionInvigilators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoomSessionInvigilators_Invigilators_InvigilatorId",
                        column: x => x.InvigilatorId,
                        principalTable: "Invigilators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomSessionInvigilators_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoomSessionInvigilators_RoomSessions_RoomSessionId",
                        column: x => x.RoomSessionId,
                        principalTable: "RoomSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoomSessionId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SeatNo = table.Column<int>(type: "integer", nullable: false),
                    AdmissionTicketNo = table.Column<string>(type: "character varying(26)", maxLength: 26, nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatAssignments_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeatAssignments_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeatAssignments_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SeatAssignments_RoomSessions_RoomSessionId",
                        column: x => x.RoomSessionId,
                        principalTable: "RoomSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectScoreId = table.Column<int>(type: "integer", nullable: false),
                    OldScore = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    NewScore = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    OldAbsent = table.Column<bool>(type: "boolean", nullable: false),
                    NewAbsent = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreCorrections_SubjectScores_SubjectScoreId",
                        column: x => x.SubjectScoreId,
                        principalTable: "SubjectScores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScoreReviewRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectScoreId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RequestedUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScoreReviewRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScoreReviewRequests_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScoreReviewRequests_SubjectScores_SubjectScoreId",
                        column: x => x.SubjectScoreId,
                        principalTable: "SubjectScores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Attendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoomRosterId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    CandidateId = table.Column<int>(type: "integer", nullable: false),
                    SchoolId = table.Column<int>(type: "integer", nullable: false),
                    SeatNo = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CheckedInUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckedInBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RowVersion = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendances_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_PilotSchools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "PilotSchools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Attendances_RoomRosters_RoomRosterId",
                        column: x => x.RoomRosterId,
                        principalTable: "RoomRosters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccountRoles_OrganizationId",
                table: "AccountRoles",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountRoles_SchoolId_OrganizationId_Name",
                table: "AccountRoles",
                columns: new[] { "SchoolId", "OrganizationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_KeyHash",
                table: "ApiKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_OrganizationId",
                table: "ApiKeys",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationPlanCertificates_CertificateId",
                table: "ApplicationPlanCertificates",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationPlans_ProvinceId_Year_Batch",
                table: "ApplicationPlans",
                columns: new[] { "ProvinceId", "Year", "Batch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApplicationReviews_PilotApplicationId",
                table: "ApplicationReviews",
                column: "PilotApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AccountRoleId",
                table: "AspNetUsers",
                column: "AccountRoleId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganizationId",
                table: "AspNetUsers",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PhoneNumber",
                table: "AspNetUsers",
                column: "PhoneNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_ProvinceId",
                table: "AspNetUsers",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SchoolId",
                table: "AspNetUsers",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_CandidateId",
                table: "Attendances",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_RegistrationId",
                table: "Attendances",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_RoomRosterId_RegistrationId",
                table: "Attendances",
                columns: new[] { "RoomRosterId", "RegistrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_SchoolId",
                table: "Attendances",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Attendances_Status",
                table: "Attendances",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrganizationId",
                table: "AuditEntries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ProvinceId",
                table: "AuditEntries",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_SchoolId",
                table: "AuditEntries",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserName",
                table: "AuditEntries",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_CandidateNo",
                table: "Candidates",
                column: "CandidateNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_MajorId",
                table: "Candidates",
                column: "MajorId");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_Name",
                table: "Candidates",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_SchoolId_CandidateType_InfoStatus",
                table: "Candidates",
                columns: new[] { "SchoolId", "CandidateType", "InfoStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_SchoolId_IdNumber",
                table: "Candidates",
                columns: new[] { "SchoolId", "IdNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_SchoolList",
                table: "Candidates",
                columns: new[] { "SchoolId", "CandidateType", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateMajors_MajorId",
                table: "CertificateMajors",
                column: "MajorId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_CandidateId",
                table: "CertificateResults",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_CandidateId_ExamPlanId_CertificateId_Lev~",
                table: "CertificateResults",
                columns: new[] { "CandidateId", "ExamPlanId", "CertificateId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_CertificateId",
                table: "CertificateResults",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_ExamPlanId",
                table: "CertificateResults",
                column: "ExamPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_ExamSiteId",
                table: "CertificateResults",
                column: "ExamSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_SchoolId",
                table: "CertificateResults",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_Statistics",
                table: "CertificateResults",
                columns: new[] { "Status", "CertificateId", "Level", "SchoolId", "ExamPlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificateResults_Status",
                table: "CertificateResults",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Code",
                table: "Certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OrganizationId",
                table: "Certificates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Status",
                table: "Certificates",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ExamPlanCertificates_CertificateId",
                table: "ExamPlanCertificates",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamPlans_IsPublished",
                table: "ExamPlans",
                column: "IsPublished");

            migrationBuilder.CreateIndex(
                name: "IX_ExamPlans_OrganizationId_Year",
                table: "ExamPlans",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ExamPlanSchools_SchoolId",
                table: "ExamPlanSchools",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamPlanSubjects_CertificateId_Level",
                table: "ExamPlanSubjects",
                columns: new[] { "CertificateId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_ExamPlanSubjects_SubjectId",
                table: "ExamPlanSubjects",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamRooms_CertificateId",
                table: "ExamRooms",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamRooms_ExamPlanId_ExamSiteId_CertificateId_Name",
                table: "ExamRooms",
                columns: new[] { "ExamPlanId", "ExamSiteId", "CertificateId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamRooms_ExamSiteId",
                table: "ExamRooms",
                column: "ExamSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamRooms_SchoolId",
                table: "ExamRooms",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamRoomSubjects_SubjectId",
                table: "ExamRoomSubjects",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamSiteReviews_ExamSiteId",
                table: "ExamSiteReviews",
                column: "ExamSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamSites_CertificateId",
                table: "ExamSites",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamSites_OrganizationId",
                table: "ExamSites",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamSites_SchoolId_CertificateId",
                table: "ExamSites",
                columns: new[] { "SchoolId", "CertificateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamSites_Status",
                table: "ExamSites",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ExamSubjects_CertificateId_Level",
                table: "ExamSubjects",
                columns: new[] { "CertificateId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_ExamSubjects_OrganizationId",
                table: "ExamSubjects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRecords_Kind",
                table: "ImportRecords",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRecords_OrganizationId",
                table: "ImportRecords",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRecords_SchoolId",
                table: "ImportRecords",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRecords_UserName",
                table: "ImportRecords",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_InvigilatorCertificationHistories_InvigilatorCertificationId",
                table: "InvigilatorCertificationHistories",
                column: "InvigilatorCertificationId");

            migrationBuilder.CreateIndex(
                name: "IX_InvigilatorCertifications_CertificateId",
                table: "InvigilatorCertifications",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_InvigilatorCertifications_InvigilatorId_CertificateId_Level",
                table: "InvigilatorCertifications",
                columns: new[] { "InvigilatorId", "CertificateId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvigilatorCertifications_OrganizationId",
                table: "InvigilatorCertifications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_InvigilatorCertifications_Status",
                table: "InvigilatorCertifications",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_Invigilators_Name",
                table: "Invigilators",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Invigilators_SchoolId_IdNumber",
                table: "Invigilators",
                columns: new[] { "SchoolId", "IdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Invigilators_TeacherNo",
                table: "Invigilators",
                column: "TeacherNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceHistories_IssuanceRecordId",
                table: "IssuanceHistories",
                column: "IssuanceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceHistories_ToStatus",
                table: "IssuanceHistories",
                column: "ToStatus");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_CandidateId_ExamPlanId_CertificateId_Level",
                table: "IssuanceRecords",
                columns: new[] { "CandidateId", "ExamPlanId", "CertificateId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_CandidateNo",
                table: "IssuanceRecords",
                column: "CandidateNo");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_CandidateSchoolId",
                table: "IssuanceRecords",
                column: "CandidateSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_CertificateId",
                table: "IssuanceRecords",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_CertificateNo",
                table: "IssuanceRecords",
                column: "CertificateNo",
                unique: true,
                filter: "\"CertificateNo\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_CertificateResultId",
                table: "IssuanceRecords",
                column: "CertificateResultId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_ExamPlanId",
                table: "IssuanceRecords",
                column: "ExamPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_ExamSiteId",
                table: "IssuanceRecords",
                column: "ExamSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_GenerationClaim",
                table: "IssuanceRecords",
                column: "GenerationClaim");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_OrgList",
                table: "IssuanceRecords",
                columns: new[] { "OrganizationId", "CreatedUtc", "Id" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_OrgStatus",
                table: "IssuanceRecords",
                columns: new[] { "OrganizationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_OrgStatusList",
                table: "IssuanceRecords",
                columns: new[] { "OrganizationId", "Status", "CreatedUtc", "Id" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_OrgYear",
                table: "IssuanceRecords",
                columns: new[] { "OrganizationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_SiteSchoolId",
                table: "IssuanceRecords",
                column: "SiteSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_Statistics",
                table: "IssuanceRecords",
                columns: new[] { "Status", "CertificateId", "Level", "CandidateSchoolId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceRecords_Year_Status",
                table: "IssuanceRecords",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IssuanceSignatures_IssuanceRecordId",
                table: "IssuanceSignatures",
                column: "IssuanceRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerBlocks_Hash",
                table: "LedgerBlocks",
                column: "Hash");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerBlocks_Height",
                table: "LedgerBlocks",
                column: "Height",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_BlockHeight_IndexInBlock",
                table: "LedgerEntries",
                columns: new[] { "BlockHeight", "IndexInBlock" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_Kind",
                table: "LedgerEntries",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_SubjectKey",
                table: "LedgerEntries",
                column: "SubjectKey");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_TxHash",
                table: "LedgerEntries",
                column: "TxHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Majors_Code_Level",
                table: "Majors",
                columns: new[] { "Code", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CreditCode",
                table: "Organizations",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name",
                table: "Organizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequestItems_RegistrationId",
                table: "PaymentRequestItems",
                column: "RegistrationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequests_CertificateId",
                table: "PaymentRequests",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequests_ExamPlanId",
                table: "PaymentRequests",
                column: "ExamPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequests_OrganizationId",
                table: "PaymentRequests",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequests_RequestNo",
                table: "PaymentRequests",
                column: "RequestNo",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequests_SchoolId_ExamPlanId",
                table: "PaymentRequests",
                columns: new[] { "SchoolId", "ExamPlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequests_Status",
                table: "PaymentRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRequests_SubjectId",
                table: "PaymentRequests",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneSigningSessions_ExpiresUtc",
                table: "PhoneSigningSessions",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneSigningSessions_OrganizationId",
                table: "PhoneSigningSessions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneSigningSessions_ProvinceId",
                table: "PhoneSigningSessions",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneSigningSessions_SchoolId",
                table: "PhoneSigningSessions",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_PhoneSigningSessions_Token",
                table: "PhoneSigningSessions",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplicationMajors_MajorId",
                table: "PilotApplicationMajors",
                column: "MajorId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplications_ApplicationPlanId",
                table: "PilotApplications",
                column: "ApplicationPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplications_CertificateId",
                table: "PilotApplications",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplications_SchoolId_Year_CertificateId_Level",
                table: "PilotApplications",
                columns: new[] { "SchoolId", "Year", "CertificateId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotApplications_Status",
                table: "PilotApplications",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_PilotSchools_Code",
                table: "PilotSchools",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PilotSchools_Name",
                table: "PilotSchools",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_PilotSchools_ProvinceId",
                table: "PilotSchools",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Provinces_Code",
                table: "Provinces",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CandidateId",
                table: "Registrations",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CertificateId",
                table: "Registrations",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_IsPaid_IsScheduled",
                table: "Registrations",
                columns: new[] { "IsPaid", "IsScheduled" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_PaymentRequestId",
                table: "Registrations",
                column: "PaymentRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Plan_Candidate_Certificate_Level",
                table: "Registrations",
                columns: new[] { "ExamPlanId", "CandidateId", "CertificateId", "Level" },
                unique: true,
                filter: "\"SubjectId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Plan_Candidate_Certificate_Level_Subject",
                table: "Registrations",
                columns: new[] { "ExamPlanId", "CandidateId", "CertificateId", "Level", "SubjectId" },
                unique: true,
                filter: "\"SubjectId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_SchoolId_ExamPlanId",
                table: "Registrations",
                columns: new[] { "SchoolId", "ExamPlanId" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Statistics",
                table: "Registrations",
                columns: new[] { "CertificateId", "Level", "ExamPlanId", "CandidateId", "IsScheduled", "SchoolId" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_SubjectId",
                table: "Registrations",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomRosters_ExamPlanId_SubjectId",
                table: "RoomRosters",
                columns: new[] { "ExamPlanId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomRosters_RoomSessionId",
                table: "RoomRosters",
                column: "RoomSessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoomRosters_SubjectId",
                table: "RoomRosters",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomSessionInvigilators_InvigilatorId",
                table: "RoomSessionInvigilators",
                column: "InvigilatorId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomSessionInvigilators_RoomSessionId_InvigilatorId",
                table: "RoomSessionInvigilators",
                columns: new[] { "RoomSessionId", "InvigilatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoomSessionInvigilators_SchoolId",
                table: "RoomSessionInvigilators",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomSessions_ExamPlanId",
                table: "RoomSessions",
                column: "ExamPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomSessions_ExamPlanId_SubjectId",
                table: "RoomSessions",
                columns: new[] { "ExamPlanId", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_RoomSessions_ExamRoomId",
                table: "RoomSessions",
                column: "ExamRoomId");

            migrationBuilder.CreateIndex(
                name: "IX_RoomSessions_SubjectId",
                table: "RoomSessions",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolCertificateContacts_CertificateId",
                table: "SchoolCertificateContacts",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_SchoolCertificateContacts_SchoolId_CertificateId",
                table: "SchoolCertificateContacts",
                columns: new[] { "SchoolId", "CertificateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScoreCorrections_SubjectScoreId",
                table: "ScoreCorrections",
                column: "SubjectScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreReviewRequests_SchoolId",
                table: "ScoreReviewRequests",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreReviewRequests_Status",
                table: "ScoreReviewRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ScoreReviewRequests_SubjectScoreId",
                table: "ScoreReviewRequests",
                column: "SubjectScoreId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_AdmissionTicketNo",
                table: "SeatAssignments",
                column: "AdmissionTicketNo");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_CandidateId",
                table: "SeatAssignments",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_RegistrationId",
                table: "SeatAssignments",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_RoomSessionId_RegistrationId",
                table: "SeatAssignments",
                columns: new[] { "RoomSessionId", "RegistrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_RoomSessionId_SeatNo",
                table: "SeatAssignments",
                columns: new[] { "RoomSessionId", "SeatNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatAssignments_SchoolId",
                table: "SeatAssignments",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteAllocations_BorrowerSchoolId",
                table: "SiteAllocations",
                column: "BorrowerSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteAllocations_CertificateId",
                table: "SiteAllocations",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteAllocations_ExamPlanId_BorrowerSchoolId_CertificateId_L~",
                table: "SiteAllocations",
                columns: new[] { "ExamPlanId", "BorrowerSchoolId", "CertificateId", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteAllocations_ExamSiteId",
                table: "SiteAllocations",
                column: "ExamSiteId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteAllocations_HostSchoolId",
                table: "SiteAllocations",
                column: "HostSchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteAllocations_OrganizationId",
                table: "SiteAllocations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteStandards_CertificateId",
                table: "SiteStandards",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteStandards_Status",
                table: "SiteStandards",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SkillStandards_CertificateId",
                table: "SkillStandards",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_SkillStandards_Status",
                table: "SkillStandards",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SmsSendWindows_Key",
                table: "SmsSendWindows",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsVerificationCodes_Phone_CreatedUtc",
                table: "SmsVerificationCodes",
                columns: new[] { "Phone", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsVerificationCodes_RequestedByUserId_CreatedUtc",
                table: "SmsVerificationCodes",
                columns: new[] { "RequestedByUserId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectScores_CandidateId",
                table: "SubjectScores",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectScores_ExamPlanId",
                table: "SubjectScores",
                column: "ExamPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectScores_RegistrationId",
                table: "SubjectScores",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectScores_RegistrationId_SubjectId",
                table: "SubjectScores",
                columns: new[] { "RegistrationId", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubjectScores_SubjectId",
                table: "SubjectScores",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReportReviews_WeeklyReportId",
                table: "WeeklyReportReviews",
                column: "WeeklyReportId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReports_PeriodStart",
                table: "WeeklyReports",
                column: "PeriodStart");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReports_ProvinceId",
                table: "WeeklyReports",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReports_SchoolId",
                table: "WeeklyReports",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReports_SchoolId_PeriodStart_PeriodEnd",
                table: "WeeklyReports",
                columns: new[] { "SchoolId", "PeriodStart", "PeriodEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WeeklyReports_Status",
                table: "WeeklyReports",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountRoles");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "ApplicationPlanCertificates");

            migrationBuilder.DropTable(
                name: "ApplicationReviews");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "Attendances");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CertificateLevels");

            migrationBuilder.DropTable(
                name: "CertificateMajors");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "ExamPlanCertificates");

            migrationBuilder.DropTable(
                name: "ExamPlanSchools");

            migrationBuilder.DropTable(
                name: "ExamPlanSubjects");

            migrationBuilder.DropTable(
                name: "ExamRoomSubjects");

            migrationBuilder.DropTable(
                name: "ExamSiteLevels");

            migrationBuilder.DropTable(
                name: "ExamSiteReviews");

            migrationBuilder.DropTable(
                name: "ImportRecords");

            migrationBuilder.DropTable(
                name: "InvigilatorCertificationHistories");

            migrationBuilder.DropTable(
                name: "IssuanceHistories");

            migrationBuilder.DropTable(
                name: "IssuanceSignatures");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropTable(
                name: "PaymentRequestItems");

            migrationBuilder.DropTable(
                name: "PhoneSigningSessions");

            migrationBuilder.DropTable(
                name: "PilotApplicationMajors");

            migrationBuilder.DropTable(
                name: "RoomSessionInvigilators");

            migrationBuilder.DropTable(
                name: "SchoolCertificateContacts");

            migrationBuilder.DropTable(
                name: "ScoreCorrections");

            migrationBuilder.DropTable(
                name: "ScoreReviewRequests");

            migrationBuilder.DropTable(
                name: "SeatAssignments");

            migrationBuilder.DropTable(
                name: "SiteAllocations");

            migrationBuilder.DropTable(
                name: "SiteStandards");

            migrationBuilder.DropTable(
                name: "SkillStandards");

            migrationBuilder.DropTable(
                name: "SmsSendWindows");

            migrationBuilder.DropTable(
                name: "SmsVerificationCodes");

            migrationBuilder.DropTable(
                name: "WeeklyReportReviews");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "RoomRosters");

            migrationBuilder.DropTable(
                name: "InvigilatorCertifications");

            migrationBuilder.DropTable(
                name: "IssuanceRecords");

            migrationBuilder.DropTable(
                name: "LedgerBlocks");

            migrationBuilder.DropTable(
                name: "PilotApplications");

            migrationBuilder.DropTable(
                name: "SubjectScores");

            migrationBuilder.DropTable(
                name: "WeeklyReports");

            migrationBuilder.DropTable(
                name: "RoomSessions");

            migrationBuilder.DropTable(
                name: "Invigilators");

            migrationBuilder.DropTable(
                name: "CertificateResults");

            migrationBuilder.DropTable(
                name: "ApplicationPlans");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "ExamRooms");

            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropTable(
                name: "PaymentRequests");

            migrationBuilder.DropTable(
                name: "ExamSites");

            migrationBuilder.DropTable(
                name: "Majors");

            migrationBuilder.DropTable(
                name: "ExamPlans");

            migrationBuilder.DropTable(
                name: "ExamSubjects");

            migrationBuilder.DropTable(
                name: "PilotSchools");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "Provinces");

            migrationBuilder.DropTable(
                name: "Organizations");
        }
    }
}
