using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Peyvand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsAndListOrderIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_last_name_first_name",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_owner_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_name",
                table: "companies");

            migrationBuilder.AddColumn<List<Guid>>(
                name: "mentioned_user_ids",
                table: "activities",
                type: "uuid[]",
                nullable: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "reminder_at",
                table: "activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "reminder_sent_at",
                table: "activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "last_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts",
                columns: new[] { "tenant_id", "owner_id", "last_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_name_id",
                table: "companies",
                columns: new[] { "tenant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_reminder_at_reminder_sent_at",
                table: "activities",
                columns: new[] { "reminder_at", "reminder_sent_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_tenant_id_recipient_id_id",
                table: "notifications",
                columns: new[] { "tenant_id", "recipient_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_tenant_id_recipient_id_read_at",
                table: "notifications",
                columns: new[] { "tenant_id", "recipient_id", "read_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_contacts_tenant_id_owner_id_last_name_id",
                table: "contacts");

            migrationBuilder.DropIndex(
                name: "ix_companies_tenant_id_name_id",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "ix_activities_reminder_at_reminder_sent_at",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "mentioned_user_ids",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "reminder_at",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "reminder_sent_at",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_last_name_first_name",
                table: "contacts",
                columns: new[] { "tenant_id", "last_name", "first_name" });

            migrationBuilder.CreateIndex(
                name: "ix_contacts_tenant_id_owner_id",
                table: "contacts",
                columns: new[] { "tenant_id", "owner_id" });

            migrationBuilder.CreateIndex(
                name: "ix_companies_tenant_id_name",
                table: "companies",
                columns: new[] { "tenant_id", "name" });
        }
    }
}
