using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertHub.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeacherNo",
                table: "Invigilators",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "");

            // 教师编号 of existing invigilators: JK + the id, six digits.
            migrationBuilder.Sql("UPDATE \"Invigilators\" SET \"TeacherNo\" = 'JK' || substr('000000' || \"Id\", -6, 6);");

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
