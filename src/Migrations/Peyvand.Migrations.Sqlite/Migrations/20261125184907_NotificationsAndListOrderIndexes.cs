using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsAndListOrderIndexes : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "MentionedUserIds",
                table: "Activities",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderAt",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderSentAt",
                table: "Activities",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecipientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

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

            migrationBuilder.CreateIndex(
                name: "IX_Activities_ReminderAt_ReminderSentAt",
                table: "Activities",
                columns: new[] { "ReminderAt", "ReminderSentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_RecipientId_Id",
                table: "Notifications",
                columns: new[] { "TenantId", "RecipientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_TenantId_RecipientId_ReadAt",
                table: "Notifications",
                columns: new[] { "TenantId", "RecipientId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_TenantId_OwnerId_LastName_Id",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Companies_TenantId_Name_Id",
                table: "Companies");

            migrationBuilder.DropIndex(
                name: "IX_Activities_ReminderAt_ReminderSentAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "MentionedUserIds",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "ReminderAt",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "ReminderSentAt",
                table: "Activities");

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
