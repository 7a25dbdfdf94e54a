using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListDateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_CreatedAt_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_UpdatedAt_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_CreatedAt_Id",
                table: "Companies",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_UpdatedAt_Id",
                table: "Companies",
                columns: new[] { "TenantId", "UpdatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_CreatedAt_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_UpdatedAt_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_CreatedAt_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_UpdatedAt_Id",
                table: "Companies");
        }
    }
}
