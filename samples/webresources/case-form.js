// Case form script (web resource "contoso_/scripts/case-form.js").
// Links the open case, its customer and related records to the agent's conversation.
//
// This sample contains deliberate mistakes for Omnichannel Tools to find: open the Problems panel.
"use strict";

var Contoso = window.Contoso || {};

Contoso.CaseForm = {
    /** Form OnLoad: link this case to the conversation the agent is working on. */
    onLoad: function (executionContext) {
        var formContext = executionContext.getFormContext();
        if (formContext.ui.getFormType() === 1) {
            return; // a case being created has no id yet
        }
        // Mistake: getId() returns "{UPPER-CASE}" with braces, which the API does not accept.
        Microsoft.Omnichannel.linkToConversation("incident", formContext.data.entity.getId())
            .then(function () {
                Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
            }, function (error) {
                console.error("Could not link the case", error);
            });
    },

    /** Ribbon button "Link customer": links the case's customer to the focused conversation. */
    linkCustomer: function (primaryControl) {
        var formContext = primaryControl;
        var customer = formContext.getAttribute("customerid").getValue();
        if (!customer || customer.length === 0) {
            return;
        }
        var customerId = customer[0].id.replace(/[{}]/g, "").toLowerCase();
        // Mistake: the link is saved, but nothing refreshes the UI, so the agent does not see it.
        Microsoft.Omnichannel.linkToConversation("contact", customerId).then(
            function () {
                formContext.ui.setFormNotification("Customer linked to the conversation.", "INFO", "link");
            },
            function (error) {
                formContext.ui.setFormNotification("Linking failed: " + error.message, "ERROR", "link");
            }
        );
    },

    /** Ribbon button "Link escalation case" on the voice conversation. */
    linkEscalation: function () {
        // Mistake: logical names are lower case; "Incident" fails at run time.
        Microsoft.Omnichannel.linkToConversation("Incident", "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6", "9d8e7f60-1a2b-4c3d-9e8f-0a1b2c3d4e5f")
            .then(function () {
                Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
            })
            .catch(function (error) {
                console.error(error);
            });
    },

    /** Side pane button: links a contact chosen in a lookup dialog. */
    linkChosenContact: function (contactId) {
        // Mistake: nobody handles a rejection (a closed conversation, a wrong id), so it fails silently.
        Microsoft.Omnichannel.linkToConversation("contact", contactId).then(function () {
            Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
        });
    }
};
