using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertHub.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExamSiteEquipmentAndAllocationPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExamPlanId",
                table: "SiteAllocations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Equipment",
                table: "ExamSites",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_SiteAllocations_ExamPlanId_BorrowerSchoolId_CertificateId_Level",
                table: "SiteAllocations",
                columns: new[] { "ExamPlanId", "BorrowerSchoolId", "CertificateId", "Level" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SiteAllocations_ExamPlans_ExamPlanId",
                table: "SiteAllocations",
                column: "ExamPlanId",
                principalTable: "ExamPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SiteAllocations_ExamPlans_ExamPlanId",
                table: "SiteAllocations");

            migrationBuilder.DropIndex(
                name: "IX_SiteAllocations_ExamPlanId_BorrowerSchoolId_CertificateId_Level",
                table: "SiteAllocations");

            migrationBuilder.DropColumn(
                name: "ExamPlanId",
                table: "SiteAllocations");

            migrationBuilder.DropColumn(
                name: "Equipment",
                table: "ExamSites");
        }
    }
}
