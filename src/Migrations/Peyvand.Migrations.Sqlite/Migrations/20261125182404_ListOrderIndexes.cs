using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_LastName_FirstName",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_OwnerId",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_Name",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_LastName_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "LastName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OwnerId_LastName_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "OwnerId", "LastName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_Name_Id",
                table: "Companies",
                columns: new[] { "TenantId", "Name", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_OwnerId_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_Name_Id",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_LastName_FirstName",
                table: "Contacts",
                columns: new[] { "TenantId", "LastName", "FirstName" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OwnerId",
                table: "Contacts",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_Name",
                table: "Companies",
                columns: new[] { "TenantId", "Name" });
        }
    }
}
