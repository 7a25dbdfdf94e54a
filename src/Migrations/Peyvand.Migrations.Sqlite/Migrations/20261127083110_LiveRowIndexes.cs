using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LiveRowIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_CreatedAt_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_LifecycleStage_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_OwnerId_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_CreatedAt_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_OwnerId",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_Size",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_CreatedAt_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "CreatedAt", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_DeletedAt",
                table: "Contacts",
                columns: new[] { "TenantId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_LifecycleStage_LastName_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "LifecycleStage", "LastName", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OwnerId_LastName_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "OwnerId", "LastName", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_CreatedAt_Id",
                table: "Companies",
                columns: new[] { "TenantId", "CreatedAt", "Id" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_DeletedAt",
                table: "Companies",
                columns: new[] { "TenantId", "DeletedAt" },
                filter: "\"DeletedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_OwnerId",
                table: "Companies",
                columns: new[] { "TenantId", "OwnerId" },
                filter: "\"DeletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_Size",
                table: "Companies",
                columns: new[] { "TenantId", "Size" },
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_CreatedAt_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_DeletedAt",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_LifecycleStage_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_OwnerId_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_CreatedAt_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_DeletedAt",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_OwnerId",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_Size",
                table: "Companies");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_CreatedAt_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_LifecycleStage_LastName_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "LifecycleStage", "LastName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_TenantId_OwnerId_LastName_Id",
                table: "Contacts",
                columns: new[] { "TenantId", "OwnerId", "LastName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_CreatedAt_Id",
                table: "Companies",
                columns: new[] { "TenantId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_OwnerId",
                table: "Companies",
                columns: new[] { "TenantId", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_TenantId_Size",
                table: "Companies",
                columns: new[] { "TenantId", "Size" });
        }
    }
}
