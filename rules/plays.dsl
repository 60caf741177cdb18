# The plays DSL: the sentences a .dslr play is written in. See README.md beside this file.
# Each sentence expands, on its own line, to DRL over the fact model (io.teamplay.plays.facts) and the actions global.
# Order matters: longer sentences come before the shorter ones they start with.

# ---- triggers: each binds $event (AccountEvent) and $account (Account) ----
[condition][]the account is created=$event : AccountEvent( type == EventType.ACCOUNT_CREATED ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} changes from "{old}" to "{new}"=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", oldIs("{old}"), newIs("{new}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} changes to "{new}"=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", newIs("{new}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} leaves "{old}"=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}", oldIs("{old}"), !newIs("{old}") ) $account : Account( id == $event.accountId )
[condition][]the {attribute:\w+} changes=$event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == "{attribute}" ) $account : Account( id == $event.accountId )
[condition][]the "{role}" is cleared=$event : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, roleIs("{role}"), toEmail == null ) $account : Account( id == $event.accountId )
[condition][]the "{role}" changes hands=$event : AccountEvent( type == EventType.ASSIGNMENT_CHANGED, roleIs("{role}") ) $account : Account( id == $event.accountId )
[condition][]any role changes hands=$event : AccountEvent( type == EventType.ASSIGNMENT_CHANGED ) $account : Account( id == $event.accountId )
[condition][]a team member is disabled=$event : AccountEvent( type == EventType.USER_DISABLED ) $account : Account( id == $event.accountId )
[condition][]it is {days:\d+} days before the {attribute:\w+}=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId, isDaysBefore("{attribute}", $event.date, {days}) )
[condition][]it is {days:\d+} days after the {attribute:\w+}=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId, isDaysAfter("{attribute}", $event.date, {days}) )
[condition][]a new day starts=$event : AccountEvent( type == EventType.DAILY ) $account : Account( id == $event.accountId )

# ---- conditions on the account: on their own line, or after "and" on the trigger's line ----
[condition][]its {attribute:\w+} is not "{value}"=Account( this == $account, !is("{attribute}", "{value}") )
[condition][]its {attribute:\w+} is "{value}"=Account( this == $account, is("{attribute}", "{value}") )
[condition][]its {attribute:\w+} is at least {number:[0-9.]+}=Account( this == $account, atLeast("{attribute}", {number}) )
[condition][]it has no "{role}"=Account( this == $account, !hasHolder("{role}") )
[condition][]it has a "{role}"=Account( this == $account, hasHolder("{role}") )
[condition][]the disabled user is "{email}"=AccountEvent( this == $event, userEmail == "{email}" )

# ---- actions ----
[consequence][]assign the least loaded member of team "{team}" as "{role}"=actions.assignLeastLoaded("{role}", "{team}");
[consequence][]assign the next member of team "{team}" by round robin as "{role}"=actions.assignRoundRobin("{role}", "{team}");
[consequence][]assign "{email}" as "{role}"=actions.assign("{role}", "{email}");
[consequence][]clear the "{role}"=actions.clear("{role}");
[consequence][]create a task "{title}" for the "{role}" due in {days:\d+} days=actions.createTask("{role}", "{title}", {days});
[consequence][]create a task "{title}" for the "{role}" due today=actions.createTask("{role}", "{title}", 0);
[consequence][]notify the "{role}" that "{message}"=actions.notifyHolder("{role}", "{message}");
