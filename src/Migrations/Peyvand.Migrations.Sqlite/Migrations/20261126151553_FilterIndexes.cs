using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_LifecycleStage_LastName_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "LifecycleStage", "LastName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_Source",
                table: "Contacts",
                columns: new[] { "TenantId", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_Industry",
                table: "Companies",
                columns: new[] { "TenantId", "Industry" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_Size",
                table: "Companies",
                columns: new[] { "TenantId", "Size" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_LifecycleStage_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_Source",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_Industry",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_Size",
                table: "Companies");
        }
    }
}
