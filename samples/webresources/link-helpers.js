// Shared helpers (web resource "contoso_/scripts/link-helpers.js") that link records the way the
// Omnichannel API expects. Omnichannel Tools reports nothing in this file.
"use strict";

var ContosoLinks = window.ContosoLinks || {};

/** The id form the API accepts: lower case, hyphenated, no braces ("{ABC-…}" → "abc-…"). */
ContosoLinks.normaliseId = function (id) {
    return id.replace(/[{}]/g, "").toLowerCase();
};

/** Links the case open on a form to the focused conversation and refreshes the tab to show it. */
ContosoLinks.linkCaseFromForm = function (formContext) {
    var caseId = ContosoLinks.normaliseId(formContext.data.entity.getId());
    return Microsoft.Omnichannel.linkToConversation("incident", caseId).then(
        function () {
            Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
        },
        function (error) {
            console.error("Linking the case failed: " + error.message);
        }
    );
};

/** Links an account to a given conversation, for example one picked from getConversations(). */
ContosoLinks.linkAccount = async function (accountId, conversationId) {
    try {
        await Microsoft.Omnichannel.linkToConversation("account", ContosoLinks.normaliseId(accountId), conversationId);
        Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
        return true;
    } catch (error) {
        console.error("Linking the account failed: " + error.message);
        return false;
    }
};

/** Removes the case link from the focused conversation. */
ContosoLinks.unlinkCase = function (caseId) {
    return Microsoft.Omnichannel.unlinkFromConversation("incident", ContosoLinks.normaliseId(caseId))
        .then(function () {
            Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
        })
        .catch(function (error) {
            console.error("Unlinking the case failed: " + error.message);
        });
};

/** Links the demo case to the focused conversation: the code lens "Run" above it calls the simulator. */
ContosoLinks.linkDemoCase = function () {
    return Microsoft.Omnichannel.linkToConversation("incident", "c0ffee00-1234-4abc-9def-00112233aabb")
        .then(function () {
            Microsoft.Apm.getFocusedSession().getFocusedTab().refresh();
        }, function (error) {
            console.error(error);
        });
};
