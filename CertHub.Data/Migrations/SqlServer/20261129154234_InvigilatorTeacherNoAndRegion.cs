using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertHub.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InvigilatorTeacherNoAndRegion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Region",
                table: "Invigilators",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeacherNo",
                table: "Invigilators",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            // 教师编号 of existing invigilators: JK + the id, six digits.
            migrationBuilder.Sql("UPDATE [Invigilators] SET [TeacherNo] = 'JK' + RIGHT('000000' + CAST([Id] AS varchar(10)), 6);");

            migrationBuilder.CreateIndex(
                name: "IX_Invigilators_TeacherNo",
                table: "Invigilators",
                column: "TeacherNo",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Invigilators_TeacherNo",
                table: "Invigilators");

            migrationBuilder.DropColumn(
                name: "Region",
                table: "Invigilators");

            migrationBuilder.DropColumn(
                name: "TeacherNo",
                table: "Invigilators");
        }
    }
}
