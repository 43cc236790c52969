//! Organisations: adding, correcting, deleting and listing them, with the number of assessments
//! each holds.

use crate::error::NameOf;
use crate::{names, non_empty, time, Result, Store, StoreError};
use csirt_model::limits::TextKind;
use csirt_model::Organisation;
use rusqlite::params;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub sector: Option<String>,
    pub size: Option<String>,
    pub csirt_form: Option<String>,
    pub assessments: i64,
    pub created_at: String,
    pub updated_at: String,
}

impl Store {
    // ----------------------------------------------------------------- organisations

    /// Adds an organisation. Its name must be on one line and differ from every other
    /// organisation's, ignoring case, width and extra spaces.
    pub fn add_organisation(&self, org: &Organisation) -> Result<i64> {
        let name = names::clean(NameOf::Organisation, &org.name)?;
        names::details(&organisation_details(org), TextKind::OrganisationDetail)?;
        names::unique_organisation(&self.conn, &name, None)?;
        let now = time::now_rfc3339();
        self.conn.execute(
            "INSERT INTO organisation (name, sector, size, csirt_form, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![
                name,
                non_empty(org.sector.as_deref()),
                non_empty(org.size.as_deref()),
                non_empty(org.csirt_form.as_deref()),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Corrects an organisation's details; the name follows the rules of
    /// [`Store::add_organisation`] (it may keep its own name).
    pub fn update_organisation(&self, id: i64, org: &Organisation) -> Result<()> {
        let name = names::clean(NameOf::Organisation, &org.name)?;
        names::details(&organisation_details(org), TextKind::OrganisationDetail)?;
        self.organisation(id)?;
        names::unique_organisation(&self.conn, &name, Some(id))?;
        let n = self.conn.execute(
            "UPDATE organisation SET name = ?2, sector = ?3, size = ?4, csirt_form = ?5,
             updated_at = ?6 WHERE id = ?1",
            params![
                id,
                name,
                non_empty(org.sector.as_deref()),
                non_empty(org.size.as_deref()),
                non_empty(org.csirt_form.as_deref()),
                time::now_rfc3339()
            ],
        )?;
        if n == 0 {
            return Err(StoreError::NoOrganisation(id));
        }
        Ok(())
    }

    /// Deletes an organisation with all its assessments.
    pub fn delete_organisation(&self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM organisation WHERE id = ?1", [id])?
            == 0
        {
            return Err(StoreError::NoOrganisation(id));
        }
        Ok(())
    }

    pub fn organisation(&self, id: i64) -> Result<OrganisationRow> {
        self.organisations_where("WHERE o.id = ?1", [id])?
            .pop()
            .ok_or(StoreError::NoOrganisation(id))
    }

    pub fn list_organisations(&self) -> Result<Vec<OrganisationRow>> {
        self.organisations_where("", [])
    }

    fn organisations_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        p: P,
    ) -> Result<Vec<OrganisationRow>> {
        let sql = format!(
            "SELECT o.id, o.name, o.sector, o.size, o.csirt_form,
                    (SELECT count(*) FROM assessment a WHERE a.organisation_id = o.id),
                    o.created_at, o.updated_at
             FROM organisation o {filter} ORDER BY o.name COLLATE NOCASE, o.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(p, |r| {
            Ok(OrganisationRow {
                id: r.get(0)?,
                name: r.get(1)?,
                sector: r.get(2)?,
                size: r.get(3)?,
                csirt_form: r.get(4)?,
                assessments: r.get(5)?,
                created_at: r.get(6)?,
                updated_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

/// An organisation's sector, size and CSIRT form, the texts beside its name.
fn organisation_details(org: &Organisation) -> [Option<&str>; 3] {
    [
        org.sector.as_deref(),
        org.size.as_deref(),
        org.csirt_form.as_deref(),
    ]
}
